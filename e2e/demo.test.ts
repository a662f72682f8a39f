import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestServer, startTestServer } from "../server/test/support/test-server.js";
import { collectPageErrors, launchChromium } from "./support/browser.js";

const demoDir = fileURLToPath(new URL("../examples/demo/dist", import.meta.url));

describe("the demo in Chromium, against the real server on its embedded database", () => {
	let t: TestServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let errors: string[];

	beforeAll(async () => {
		[t, browser] = await Promise.all([startTestServer("embedded", {}, { staticDir: demoDir }), launchChromium()]);
	});
	afterAll(async () => {
		await browser?.close();
		await t?.close();
	});
	beforeEach(async () => {
		context = await browser.newContext();
		errors = collectPageErrors(context);
		page = await context.newPage();
		return async () => {
			await context.close();
			// Failed sign-ins are expected to log a 401 in the console; nothing else may.
			expect(errors.filter((e) => !/401 \(Unauthorized\)/.test(e))).toEqual([]);
		};
	});

	const signUp = async (email: string) => {
		await page.goto(`${t.baseURL}/sign-up`);
		await page.getByLabel("Name").fill("Ada Lovelace");
		await page.getByLabel("Email").fill(email);
		await page.getByLabel("Password").fill("correct horse battery");
		await page.getByLabel(/Your software background/).fill("Analytical Engine programs");
		await page.getByLabel(/Your hardware background/).fill("Difference engine");
		await page.getByRole("button", { name: "Sign up" }).click();
	};

	it("signs up, keeps the session across a reload, signs out, and signs back in to where it was", async () => {
		await signUp("ada@example.com");
		await page.waitForURL(`${t.baseURL}/protected`);
		await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Hello, Ada Lovelace");
		await expect.poll(() => page.getByTestId("profile").textContent()).toContain("Analytical Engine programs");
		await expect.poll(() => page.getByTestId("claims").textContent()).toContain('"email": "ada@example.com"');

		await page.reload();
		await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Hello, Ada Lovelace");

		await page.getByRole("button", { name: "Account: Ada Lovelace" }).click();
		await page.getByRole("button", { name: "Sign out" }).click();
		// The protected panel sends the visitor to sign in, remembering where they were.
		await page.waitForURL(`${t.baseURL}/sign-in?redirectTo=%2Fprotected`);
		await page.getByLabel("Email").fill("ada@example.com");
		await page.getByLabel("Password").fill("correct horse battery");
		await page.getByRole("button", { name: "Sign in" }).click();
		await page.waitForURL(`${t.baseURL}/protected`);
		await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Hello, Ada Lovelace");
	});

	it("shows a clear message for a wrong password, with focus on it", async () => {
		await signUp("grace@example.com");
		await page.waitForURL(`${t.baseURL}/protected`);
		await context.clearCookies();
		await page.goto(`${t.baseURL}/sign-in`);
		await page.getByLabel("Email").fill("grace@example.com");
		await page.getByLabel("Password").fill("not the password");
		await page.getByLabel("Password").press("Enter");
		const alert = page.getByRole("alert");
		await expect.poll(() => alert.textContent()).toBe("That email and password don't match. Check them and try again.");
		expect(await alert.evaluate((element) => element === document.activeElement)).toBe(true);
	});

	it("makes one get-session request for a page with several kit components", async () => {
		await signUp("linus@example.com");
		await page.waitForURL(`${t.baseURL}/protected`);
		const sessionRequests: string[] = [];
		page.on("request", (request) => {
			if (request.url().includes("/api/auth/get-session")) sessionRequests.push(request.url());
		});
		// The home page holds UserButton, SignedIn and SignedOut; the panel adds ProtectedRoute and hooks.
		for (const path of ["/", "/protected"]) {
			sessionRequests.length = 0;
			await page.goto(`${t.baseURL}${path}`);
			await page.getByRole("button", { name: /^Account:/ }).waitFor();
			await page.waitForLoadState("networkidle");
			expect(sessionRequests, path).toHaveLength(1);
		}
	});

	it("switches to a right-to-left language and to dark mode", async () => {
		await page.goto(`${t.baseURL}/sign-in`);
		await page.getByLabel("Language").selectOption("ur");
		await page.getByRole("button", { name: "سائن اِن" }).waitFor();
		expect(await page.locator("section.gh-root").getAttribute("dir")).toBe("rtl");
		await page.getByRole("button", { name: "Dark mode" }).click();
		expect(await page.locator("html").getAttribute("data-theme")).toBe("dark");
		const surface = await page.locator("section.gh-root").evaluate((element) => getComputedStyle(element).backgroundColor);
		expect(surface).toBe("rgb(36, 37, 38)");
	});

	it("serves the page with security headers", async () => {
		const response = await page.goto(`${t.baseURL}/sign-in`);
		const headers = response!.headers();
		expect(headers["content-security-policy"]).toContain("script-src 'self'");
		expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
		expect(headers["x-content-type-options"]).toBe("nosniff");
		expect(headers["x-frame-options"]).toBe("DENY");
	});
});

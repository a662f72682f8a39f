import { QueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthProvider, SignIn, SignUp } from "../packages/react/src/index.js";
import { launchChromium } from "./support/browser.js";

/**
 * A server-rendered page before its JavaScript runs (here: never, scripts are off). Typing a
 * password and pressing Enter or clicking the button must not send it anywhere: no GET with the
 * password in the URL, no POST to the page.
 */
describe("before hydration, a server-rendered form sends nothing", () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it.each([
		["SignIn", SignIn],
		["SignUp", SignUp],
	] as const)("%s", async (_, Form) => {
		const html = renderToString(
			createElement(AuthProvider, { baseURL: "https://auth.example.com", queryClient: new QueryClient() }, createElement(Form)),
		);
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const requests: string[] = [];
		await page.route("https://docs.example.com/**", (route) => {
			requests.push(`${route.request().method()} ${route.request().url()} ${route.request().postData() ?? ""}`);
			return route.fulfill({ contentType: "text/html", body: `<!doctype html><html><body>${html}</body></html>` });
		});
		await page.goto("https://docs.example.com/sign-in");
		expect(await page.locator("form input[type=password]").count()).toBe(1);

		if (await page.getByLabel("Name").count()) await page.getByLabel("Name").fill("Ada");
		await page.getByLabel("Email").fill("ada@example.com");
		await page.getByLabel("Password").fill("hunter2-secret");
		await page.getByLabel("Password").press("Enter");
		await page.locator("button[type=submit]").click({ force: true, timeout: 2000 }).catch(() => {});
		await page.waitForTimeout(500);

		expect(page.url()).toBe("https://docs.example.com/sign-in");
		expect(requests).toEqual(["GET https://docs.example.com/sign-in "]);
		expect(requests.join()).not.toContain("hunter2");
		await context.close();
	});
});

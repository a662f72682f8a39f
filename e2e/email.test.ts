import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmtpSink, startSmtpSink } from "../server/test/support/smtp-sink.js";
import { TestClient, uniqueIp } from "../server/test/support/test-client.js";
import { type TestServer, startTestServer } from "../server/test/support/test-server.js";
import { launchChromium } from "./support/browser.js";

const demoDir = fileURLToPath(new URL("../examples/demo/dist", import.meta.url));
const password = "correct horse battery";

describe("forgot password, with real mail through a real SMTP server", () => {
	let sink: SmtpSink;
	let t: TestServer;
	let browser: Browser;
	beforeAll(async () => {
		// Every delivery takes a second: a response that waited for mail would show it.
		sink = await startSmtpSink({ delayMs: 1000 });
		[t, browser] = await Promise.all([startTestServer("postgres", { SMTP_URL: sink.url }, { staticDir: demoDir }), launchChromium()]);
	});
	afterAll(async () => {
		await browser?.close();
		await t?.close();
		await sink?.close();
	});

	it("mails a link that sets a new password once, and signs out every other session", async () => {
		const elsewhere = new TestClient(t.baseURL);
		expect((await elsewhere.request("POST", "/api/auth/sign-up/email", { email: "ada@example.com", password, name: "Ada" })).status).toBe(200);

		const page = await browser.newPage();
		await page.goto(`${t.baseURL}/sign-in`);
		await page.getByRole("link", { name: "Forgot your password?" }).click();
		await page.waitForURL(`${t.baseURL}/forgot-password`);
		await page.getByLabel("Language").selectOption("fr");
		await page.getByLabel("Adresse e-mail").fill("ada@example.com");
		await page.getByRole("button", { name: "Envoyer le lien" }).click();
		await expect.poll(() => page.getByRole("status").textContent()).toContain("Si un compte existe");

		const mail = await sink.waitFor((m) => m.to.includes("ada@example.com"));
		expect(mail.subject).toBe("Réinitialisez votre mot de passe");
		expect(mail.html).toContain(`href="${mail.link!.replace(/&/g, "&amp;")}"`);
		expect(mail.link).toMatch(new RegExp(`^${t.baseURL}/api/auth/reset-password/\\w+\\?callbackURL=`));

		await page.goto(mail.link!);
		await page.waitForURL(/\/reset-password\?token=/);
		await page.getByLabel("Nouveau mot de passe").fill("a brand new password");
		await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
		await expect.poll(() => page.getByRole("status").textContent()).toContain("Votre mot de passe a été modifié.");

		const signIn = (secret: string) =>
			new TestClient(t.baseURL).request("POST", "/api/auth/sign-in/email", { email: "ada@example.com", password: secret });
		expect((await signIn(password)).status).toBe(401);
		expect((await signIn("a brand new password")).status).toBe(200);
		expect((await elsewhere.request("GET", "/api/auth/get-session")).body).toBeNull();

		// The link worked once.
		await page.goto(mail.link!);
		await page.waitForURL(/\/reset-password\?error=INVALID_TOKEN/);
		await expect.poll(() => page.getByRole("alert").textContent()).toContain("Ce lien a expiré ou a déjà servi.");
		await page.close();
	});

	it("answers an unknown address exactly like a known one, without waiting for mail", async () => {
		await new TestClient(t.baseURL).request("POST", "/api/auth/sign-up/email", { email: "known@example.com", password, name: "Known" });
		const ask = async (email: string) => {
			const started = performance.now();
			const response = await new TestClient(t.baseURL, { ip: uniqueIp() }).request("POST", "/api/auth/request-password-reset", {
				email,
				redirectTo: `${t.baseURL}/reset-password`,
			});
			return { status: response.status, body: response.body, ms: performance.now() - started };
		};
		const known: Awaited<ReturnType<typeof ask>>[] = [];
		const unknown: Awaited<ReturnType<typeof ask>>[] = [];
		for (let i = 0; i < 6; i++) {
			known.push(await ask("known@example.com"));
			unknown.push(await ask(`nobody-${i}@example.com`));
		}
		expect(new Set([...known, ...unknown].map((r) => JSON.stringify([r.status, r.body])))).toEqual(
			new Set([JSON.stringify([200, { status: true, message: "If this email exists in our system, check your email for the reset link" }])]),
		);
		const median = (rs: { ms: number }[]) => rs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(rs.length / 2)]!;
		// Mail takes a second to deliver here; both kinds answer in the same few milliseconds.
		expect(median(known)).toBeLessThan(250);
		expect(median(unknown)).toBeLessThan(250);
		expect(Math.abs(median(known) - median(unknown))).toBeLessThan(100);
		await sink.waitFor((m) => m.to.includes("known@example.com"));
		expect(sink.mail.filter((m) => m.to.includes("nobody-"))).toEqual([]);
	});
});

describe("email verification, when the server requires it", () => {
	let sink: SmtpSink;
	let t: TestServer;
	let browser: Browser;
	let page: Page;
	beforeAll(async () => {
		sink = await startSmtpSink();
		[t, browser] = await Promise.all([
			startTestServer("postgres", { SMTP_URL: sink.url, REQUIRE_EMAIL_VERIFICATION: "true" }, { staticDir: demoDir }),
			launchChromium(),
		]);
		page = await browser.newPage();
	});
	afterAll(async () => {
		await browser?.close();
		await t?.close();
		await sink?.close();
	});

	it("asks to check the inbox, verifies by the link, then lets the user in", async () => {
		await page.goto(`${t.baseURL}/sign-up`);
		await page.getByLabel("Name").fill("Grace");
		await page.getByLabel("Email").fill("grace@example.com");
		await page.getByLabel("Password").fill(password);
		await page.getByRole("button", { name: "Sign up" }).click();
		await expect.poll(() => page.getByRole("status").textContent()).toContain("Check your inbox: we sent a link to grace@example.com");

		await page.goto(`${t.baseURL}/sign-in`);
		await page.getByLabel("Email").fill("grace@example.com");
		await page.getByLabel("Password").fill(password);
		await page.getByRole("button", { name: "Sign in" }).click();
		await expect.poll(() => page.getByRole("status").textContent()).toContain("Check your inbox");
		await page.getByRole("button", { name: "Send the link again" }).click();
		await expect.poll(() => page.getByRole("alert").textContent()).toBe("A new link is on its way.");

		const mail = await sink.waitFor((m) => m.to.includes("grace@example.com"));
		expect(mail.subject).toBe("Verify your email address");
		await page.goto(mail.link!);
		// The link verifies and signs in, landing on the page the site asked for.
		await page.waitForURL(`${t.baseURL}/protected`);
		await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Hello, Grace");

		await page.context().clearCookies();
		const signIn = await new TestClient(t.baseURL).request("POST", "/api/auth/sign-in/email", { email: "grace@example.com", password });
		expect(signIn.status).toBe(200);
	});
});

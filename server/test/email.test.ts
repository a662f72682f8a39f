import { afterEach, describe, expect, it } from "vitest";
import { type EmailMessage, createMailer } from "../src/email/mailer.js";
import { localeOf, resetPasswordEmail } from "../src/email/messages.js";
import { smtpTransport } from "../src/email/smtp-transport.js";
import type { Logger } from "../src/logger.js";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink.js";
import { TestClient } from "./support/test-client.js";
import { type TestServer, startTestServer } from "./support/test-server.js";

const lines: string[] = [];
const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
const message = (to: string): EmailMessage => resetPasswordEmail("en", to, "Ada", "https://auth.example.com/api/auth/reset-password/abc?callbackURL=x");

describe("the mailer", () => {
	let sink: SmtpSink | undefined;
	afterEach(async () => {
		await sink?.close();
		lines.length = 0;
	});

	it("retries a delivery the SMTP server refused, and logs why without the link", async () => {
		sink = await startSmtpSink({ failFirst: 2 });
		const mailer = createMailer(smtpTransport(sink.url, "Gatehouse <no-reply@example.com>"), log, [50, 100, 200]);
		mailer.send(message("ada@example.com"));
		await mailer.idle();
		expect(sink.mail.map((m) => m.to)).toEqual(["ada@example.com"]);
		expect(lines.filter((l) => l.includes("retrying"))).toHaveLength(2);
		expect(lines.join("\n")).not.toContain("reset-password/abc");
	});

	it("gives up after its last retry and says so", async () => {
		sink = await startSmtpSink({ failFirst: 5 });
		const mailer = createMailer(smtpTransport(sink.url, "x@example.com"), log, [20]);
		mailer.send(message("ada@example.com"));
		await mailer.idle();
		expect(sink.mail).toEqual([]);
		expect(lines.at(-1)).toMatch(/could not send the reset-password email to ada@example.com after 2 attempts/);
	});

	it("picks the language from the kit's header, then Accept-Language", () => {
		const request = (headers: Record<string, string>) => new Request("http://x", { headers });
		expect(localeOf(request({ "x-gatehouse-locale": "ur", "accept-language": "fr" }))).toBe("ur");
		expect(localeOf(request({ "accept-language": "de-DE, fr-CH;q=0.9, en;q=0.5" }))).toBe("fr");
		expect(localeOf(request({ "x-gatehouse-locale": "klingon" }))).toBe("en");
		expect(resetPasswordEmail("ur", "a@b.c", "Ada", "https://x/y").html).toContain('dir="rtl"');
	});
});

describe("the development outbox", () => {
	let t: TestServer | undefined;
	afterEach(async () => {
		await t?.close();
		t = undefined;
	});

	it("keeps mail and lists it at /dev/outbox when no SMTP server is configured", async () => {
		t = await startTestServer("postgres");
		const client = new TestClient(t.baseURL);
		await client.request("POST", "/api/auth/sign-up/email", { email: "ada@example.com", password: "correct horse", name: "Ada" });
		await client.request("POST", "/api/auth/request-password-reset", { email: "ada@example.com", redirectTo: `${t.baseURL}/reset-password` });
		await t.server.mailer.idle();
		const page = await fetch(`${t.baseURL}/dev/outbox`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain("Reset your password");
		expect(html).toMatch(/<a href="http:\/\/localhost:\d+\/api\/auth\/reset-password\//);
		expect(t.logs.join("\n")).toContain("dev outbox: reset-password email for ada@example.com");
	});

	it("does not exist in production", async () => {
		t = await startTestServer("postgres", { NODE_ENV: "production" });
		expect((await fetch(`${t.baseURL}/dev/outbox`)).status).toBe(404);
		expect(t.logs.join("\n")).toContain("SMTP_URL is not set: password reset and verification emails can't be sent");
	});
});

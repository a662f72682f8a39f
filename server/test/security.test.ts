import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { createTestDatabase } from "./support/postgres.js";
import { spawnTestServer, waitForOutput } from "./support/server-process.js";
import { startSmtpSink } from "./support/smtp-sink.js";
import { TestClient } from "./support/test-client.js";
import { TEST_SECRET, TRUSTED_ORIGIN, type TestServer, startTestServer } from "./support/test-server.js";

const UNTRUSTED_ORIGIN = "https://evil.example";
const PASSWORD = "correct horse battery";

/** The attributes of the session cookie a response sets, lower-cased, with its name. */
function sessionCookie(headers: Headers): { name: string; attributes: Map<string, string> } {
	const line = headers.getSetCookie().find((cookie) => /^[^=]*session_token=/.test(cookie));
	if (!line) throw new Error(`no session cookie in: ${headers.getSetCookie().join(" | ") || "no Set-Cookie at all"}`);
	const [pair = "", ...rest] = line.split(";");
	const attributes = new Map(
		rest.map((part) => {
			const [key = "", value = ""] = part.trim().split("=");
			return [key.toLowerCase(), value.toLowerCase()];
		}),
	);
	return { name: pair.slice(0, pair.indexOf("=")), attributes };
}

let nextUser = 0;
async function signUp(client: TestClient) {
	const email = `user${++nextUser}-${Date.now()}@example.com`;
	const response = await client.request("POST", "/api/auth/sign-up/email", { email, password: PASSWORD, name: "Ada" });
	expect(response.status).toBe(200);
	return { email, response };
}

describe("session cookies", () => {
	const cases: { label: string; env: Record<string, string>; secure: boolean; sameSite: string; name: string }[] = [
		{ label: "plain http in development", env: {}, secure: false, sameSite: "lax", name: "better-auth.session_token" },
		{
			label: "production behind https",
			env: { NODE_ENV: "production", BETTER_AUTH_URL: "https://auth.example.test", TRUSTED_ORIGINS: TRUSTED_ORIGIN },
			secure: true,
			sameSite: "lax",
			name: "__Secure-better-auth.session_token",
		},
		{
			// Browsers keep Secure cookies from http://localhost, so trying production locally still signs in.
			label: "production on http://localhost",
			env: { NODE_ENV: "production", TRUSTED_ORIGINS: TRUSTED_ORIGIN },
			secure: true,
			sameSite: "lax",
			name: "__Secure-better-auth.session_token",
		},
		{ label: "COOKIE_SAMESITE=strict", env: { COOKIE_SAMESITE: "strict" }, secure: false, sameSite: "strict", name: "better-auth.session_token" },
		{
			label: "COOKIE_SAMESITE=none for a front end on another site",
			env: { COOKIE_SAMESITE: "none", BETTER_AUTH_URL: "https://auth.example.test" },
			secure: true,
			sameSite: "none",
			name: "__Secure-better-auth.session_token",
		},
	];

	it.each(cases)("are HttpOnly, Secure and SameSite as configured: $label", async ({ env, secure, sameSite, name }) => {
		const t = await startTestServer("postgres", env);
		try {
			// The server is reached on loopback whatever its public URL says, as behind a TLS proxy.
			const { email, response: signUpResponse } = await signUp(new TestClient(t.server.url));
			const signIn = await new TestClient(t.server.url).request("POST", "/api/auth/sign-in/email", { email, password: PASSWORD });
			expect(signIn.status).toBe(200);
			for (const [step, headers] of [["sign-up", signUpResponse.headers], ["sign-in", signIn.headers]] as const) {
				const cookie = sessionCookie(headers);
				expect({ step, name: cookie.name, httpOnly: cookie.attributes.has("httponly"), secure: cookie.attributes.has("secure"), sameSite: cookie.attributes.get("samesite") }).toEqual({
					step,
					name,
					httpOnly: true,
					secure,
					sameSite,
				});
			}
		} finally {
			await t.close();
		}
	});

	it("refuses to start in production with a plain-http public URL other than localhost", () => {
		// Behind plain http the password and the cookie travel in clear, and browsers drop the Secure
		// cookie production sets: sign-in would seem to work and never stick.
		const env = { NODE_ENV: "production", BETTER_AUTH_SECRET: TEST_SECRET, BETTER_AUTH_URL: "http://auth.example.com" };
		expect(() => loadConfig(env)).toThrow(ConfigError);
		expect(() => loadConfig(env)).toThrow(/^BETTER_AUTH_URL is http:\/\/auth\.example\.com, but production needs https/);
		expect(loadConfig({ ...env, BETTER_AUTH_URL: "https://auth.example.com" }).baseURL).toBe("https://auth.example.com");
		expect(loadConfig({ ...env, BETTER_AUTH_URL: "http://127.0.0.1:3005" }).baseURL).toBe("http://127.0.0.1:3005");
		expect(loadConfig({ ...env, NODE_ENV: "development" }).baseURL).toBe("http://auth.example.com");
	});
});

describe("origins", () => {
	let t: TestServer;
	beforeAll(async () => {
		t = await startTestServer("postgres");
	});
	afterAll(async () => {
		await t?.close();
	});

	const preflight = (origin: string) =>
		fetch(`${t.baseURL}/api/auth/sign-in/email`, {
			method: "OPTIONS",
			headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
		});

	it("lets trusted origins call with credentials", async () => {
		const allowed = await preflight(TRUSTED_ORIGIN);
		expect(allowed.status).toBeLessThan(300);
		expect(allowed.headers.get("access-control-allow-origin")).toBe(TRUSTED_ORIGIN);
		expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
		expect(allowed.headers.get("access-control-allow-methods")).toContain("POST");
		const read = await new TestClient(t.baseURL).request("GET", "/api/auth/get-session");
		expect(read.headers.get("access-control-allow-origin")).toBe(TRUSTED_ORIGIN);
	});

	it("gives unknown origins no CORS permission at all, preflight or not", async () => {
		const refused = await preflight(UNTRUSTED_ORIGIN);
		expect(refused.status).toBe(403);
		expect((await refused.json()).code).toBe("INVALID_ORIGIN");
		expect(refused.headers.get("access-control-allow-origin")).toBeNull();
		expect(refused.headers.get("access-control-allow-credentials")).toBeNull();
		const read = await new TestClient(t.baseURL, { origin: UNTRUSTED_ORIGIN }).request("GET", "/api/auth/get-session");
		expect(read.headers.get("access-control-allow-origin")).toBeNull();
		// A look-alike is not the trusted origin.
		expect((await preflight(`${TRUSTED_ORIGIN}.evil.example`)).headers.get("access-control-allow-origin")).toBeNull();
	});

	it("refuses state-changing requests from an untrusted Origin with 403 INVALID_ORIGIN, and changes nothing", async () => {
		const victim = new TestClient(t.baseURL);
		const { email } = await signUp(victim);
		const profileBefore = (await victim.request("GET", "/api/profile")).body;
		// The attacker's page rides on the victim's cookies.
		const attacker = new TestClient(t.baseURL, { origin: UNTRUSTED_ORIGIN, ip: victim.ip });
		for (const [name, value] of victim.cookies) attacker.cookies.set(name, value);
		const attempts = [
			attacker.request("POST", "/api/auth/sign-up/email", { email: "planted@example.com", password: PASSWORD, name: "Mallory" }),
			attacker.request("POST", "/api/auth/sign-in/email", { email, password: PASSWORD }),
			attacker.request("POST", "/api/auth/sign-out", {}),
			attacker.request("POST", "/api/auth/change-password", { currentPassword: PASSWORD, newPassword: "mallory's password" }),
			attacker.request("PUT", "/api/profile", { softwareBackground: "planted", hardwareBackground: "planted" }),
			new TestClient(t.baseURL, { origin: "null" }).request("POST", "/api/auth/sign-up/email", { email: "sandboxed@example.com", password: PASSWORD, name: "M" }),
		];
		for (const response of await Promise.all(attempts)) {
			expect(response.status).toBe(403);
			expect(response.body.code).toBe("INVALID_ORIGIN");
			expect(response.body.message).toBeTypeOf("string");
		}
		const { rows } = await t.server.database.pool.query(`SELECT email FROM "user" WHERE email IN ('planted@example.com', 'sandboxed@example.com')`);
		expect(rows).toEqual([]);
		// The victim is still signed in, with the old password and an untouched profile.
		expect((await victim.request("GET", "/api/auth/get-session")).body?.user.email).toBe(email);
		expect((await victim.request("GET", "/api/profile")).body).toEqual(profileBefore);
		expect((await new TestClient(t.baseURL).request("POST", "/api/auth/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
	});
});

describe("sign-in rate limit per client address", () => {
	const attempt = (client: TestClient, headers: Record<string, string> = {}) =>
		client.request("POST", "/api/auth/sign-in/email", { email: "nobody@example.com", password: "wrong password" }, headers);
	/** Statuses of `n` sign-in attempts made one after another. */
	const statuses = async (n: number, make: (i: number) => Promise<{ status: number }>) => {
		const seen: number[] = [];
		for (let i = 0; i < n; i++) seen.push((await make(i)).status);
		return seen;
	};
	const LIMIT = 10; // create-auth.ts: 10 sign-ins a minute
	const exhausted = [...Array(LIMIT).fill(401), 429];

	it("can't be dodged by forging X-Forwarded-For when no proxy is trusted", async () => {
		const t = await startTestServer("postgres", { TRUST_PROXY: "" });
		try {
			// Every attempt claims another address; all come from this machine's socket.
			expect(await statuses(LIMIT + 1, (i) => attempt(new TestClient(t.baseURL, { ip: `198.51.100.${i + 1}` })))).toEqual(exhausted);
		} finally {
			await t.close();
		}
	});

	it("behind a trusted proxy, counts the address the proxy saw, not what the client wrote before it", async () => {
		const t = await startTestServer("postgres", { TRUST_PROXY: "loopback" });
		try {
			// The proxy appends the address it saw; a client may have put anything in front of it.
			const forged = (i: number) => new TestClient(t.baseURL, { ip: `198.51.100.${i + 1}, 203.0.113.20` });
			expect(await statuses(LIMIT + 1, (i) => attempt(forged(i)))).toEqual(exhausted);
			// Someone else behind the same proxy is not blocked by it.
			expect((await attempt(new TestClient(t.baseURL, { ip: "198.51.100.1, 203.0.113.21" }))).status).toBe(401);
		} finally {
			await t.close();
		}
	});

	it("with CLIENT_IP_HEADER, counts per the platform's header: one address exhausting its limit blocks no other", async () => {
		const t = await startTestServer("postgres", { TRUST_PROXY: "", CLIENT_IP_HEADER: "cf-connecting-ip" });
		try {
			const from = (address: string) => ({ "cf-connecting-ip": address });
			// X-Forwarded-For changes with every attempt and counts for nothing.
			expect(await statuses(LIMIT + 1, () => attempt(new TestClient(t.baseURL), from("203.0.113.30")))).toEqual(exhausted);
			expect((await attempt(new TestClient(t.baseURL), from("203.0.113.31"))).status).toBe(401);
			expect((await attempt(new TestClient(t.baseURL), from("203.0.113.30"))).status).toBe(429);
		} finally {
			await t.close();
		}
	});
});

describe("the server's log", () => {
	it("never holds a password, the secret, a session token, a JWT or a reset token", async () => {
		const [database, smtp] = await Promise.all([createTestDatabase(), startSmtpSink()]);
		// The real entry point, so every line it writes (ours, Better Auth's, any library's) is captured.
		const { server, baseURL, stop } = await spawnTestServer(database.url, {
			NODE_ENV: "development",
			TRUSTED_ORIGINS: TRUSTED_ORIGIN,
			SMTP_URL: smtp.url,
		});
		try {
			await waitForOutput(server, /ready: /);
			const secrets: string[] = [TEST_SECRET, PASSWORD];
			const client = new TestClient(baseURL);
			const email = "grace@example.com";
			expect((await client.request("POST", "/api/auth/sign-up/email", { email, password: PASSWORD, name: "Grace" })).status).toBe(200);
			secrets.push(...sessionTokens(client));

			const stranger = new TestClient(baseURL);
			const wrong = "not her password at all";
			secrets.push(wrong);
			expect((await stranger.request("POST", "/api/auth/sign-in/email", { email, password: wrong })).status).toBe(401);
			expect((await stranger.request("POST", "/api/auth/sign-up/email", { email, password: wrong, name: "Again" })).status).toBe(422);
			const truncated = `{"email":"${email}","password":"${PASSWORD}"`;
			expect((await stranger.request("POST", "/api/auth/sign-in/email", truncated)).status).toBe(400);
			expect((await stranger.request("POST", "/api/auth/sign-up/email", { email: "short@example.com", password: "s3cr3t!", name: "S" })).status).toBe(400);
			secrets.push("s3cr3t!");

			const signedIn = new TestClient(baseURL);
			expect((await signedIn.request("POST", "/api/auth/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
			secrets.push(...sessionTokens(signedIn));
			const { token: jwt } = (await signedIn.request("GET", "/api/auth/token")).body as { token: string };
			secrets.push(jwt, jwt.split(".")[2]!);
			expect((await signedIn.request("GET", "/api/profile", undefined, { authorization: `Bearer ${jwt}` })).status).toBe(200);
			const tampered = `${jwt.slice(0, -4)}AAAA`;
			secrets.push(tampered);
			expect((await stranger.request("GET", "/api/profile", undefined, { authorization: `Bearer ${tampered}` })).status).toBe(401);
			expect((await stranger.request("GET", "/api/profile", undefined, { cookie: `better-auth.session_token=${sessionTokens(signedIn)[0]}.forged` })).status).toBe(401);

			const reset = await signedIn.request("POST", "/api/auth/request-password-reset", { email, redirectTo: `${baseURL}/reset-password` });
			expect(reset.status).toBe(200);
			const mail = await smtp.waitFor((m) => m.to.includes(email));
			const resetToken = new URL(mail.link!).pathname.split("/").pop()!;
			const newPassword = "a brand new passphrase";
			secrets.push(resetToken, newPassword);
			expect((await stranger.request("POST", "/api/auth/reset-password", { token: resetToken, newPassword })).status).toBe(200);
			expect((await stranger.request("POST", "/api/auth/reset-password", { token: resetToken, newPassword })).status).toBe(400);
			expect((await new TestClient(baseURL).request("POST", "/api/auth/sign-in/email", { email, password: newPassword })).status).toBe(200);

			// A client trying to write a line of its own into the log.
			const injected = await stranger.request("POST", "/api/auth/request-password-reset", {
				email,
				redirectTo: "https://evil.example/\n[gatehouse] error: FORGED LINE",
			});
			expect(injected.status).toBe(403);

			server.child.kill("SIGTERM");
			expect(await server.exited).toBe(0);
			const log = server.output();
			expect(log).toContain("[gatehouse] ready: ");
			for (const secret of secrets) {
				expect(secret.length).toBeGreaterThanOrEqual(7);
				if (log.includes(secret)) throw new Error(`the log holds a secret (${secret.slice(0, 4)}…):\n${log}`);
			}
			expect(log.split("\n").filter((line) => line.startsWith("[gatehouse] error: FORGED"))).toEqual([]);
			expect(log).toContain("Invalid redirectURL: https://evil.example/\\n[gatehouse] error: FORGED LINE");
			// Clients' mistakes are not errors an operator must chase.
			expect(log.split("\n").filter((line) => line.startsWith("[gatehouse] error"))).toEqual([]);
		} finally {
			await stop();
			await Promise.all([database.drop(), smtp.close()]);
		}
	});
});

/** The session cookie's value as the client holds it, decoded, and its token part alone. */
function sessionTokens(client: TestClient): string[] {
	const value = [...client.cookies].find(([name]) => name.endsWith("session_token"))?.[1];
	if (!value) throw new Error("no session cookie");
	const decoded = decodeURIComponent(value);
	return [decoded.split(".")[0]!, decoded];
}

describe("security headers", () => {
	let t: TestServer;
	let site: string;
	beforeAll(async () => {
		// A built single-page app as the demo's build leaves it: index.html and hashed assets.
		site = mkdtempSync(join(tmpdir(), "gatehouse-site-"));
		mkdirSync(join(site, "assets"));
		writeFileSync(join(site, "index.html"), `<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>`);
		writeFileSync(join(site, "assets", "index-abc123.js"), `document.getElementById("root").textContent = "hi";`);
		t = await startTestServer("postgres", {}, { staticDir: site });
	});
	afterAll(async () => {
		await t?.close();
		rmSync(site, { recursive: true, force: true });
	});

	/** The Content-Security-Policy as a map of directive to its sources. */
	const policy = (headers: Headers) =>
		new Map(
			(headers.get("content-security-policy") ?? "")
				.split(";")
				.map((directive) => directive.trim().split(/\s+/))
				.filter((parts) => parts[0])
				.map(([name, ...sources]) => [name!, sources]),
		);

	it("on the demo page, its deep links and its assets: a strict CSP, nosniff, no framing, a referrer policy", async () => {
		for (const path of ["/", "/protected", "/assets/index-abc123.js"]) {
			const response = await fetch(`${t.baseURL}${path}`, { headers: { accept: path.endsWith(".js") ? "*/*" : "text/html" } });
			expect(response.status, path).toBe(200);
			const csp = policy(response.headers);
			expect(csp.get("default-src"), path).toEqual(["'self'"]);
			expect(csp.get("script-src"), path).toEqual(["'self'"]);
			expect(csp.get("object-src"), path).toEqual(["'none'"]);
			expect(csp.get("frame-ancestors"), path).toEqual(["'none'"]);
			expect(csp.get("base-uri"), path).toEqual(["'self'"]);
			expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
			expect(response.headers.get("x-frame-options"), path).toBe("DENY");
			expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
			expect(response.headers.get("x-powered-by"), path).toBeNull();
		}
		// Plain http in development: no HSTS, which would pin localhost to https.
		expect((await fetch(`${t.baseURL}/`)).headers.get("strict-transport-security")).toBeNull();
	});

	it("on API answers: no script may run and nothing may load, should a browser render one", async () => {
		for (const path of ["/api/auth/get-session", "/api/profile", "/api/nothing-here"]) {
			const response = await fetch(`${t.baseURL}${path}`);
			const csp = policy(response.headers);
			expect(csp.get("default-src"), path).toEqual(["'none'"]);
			expect(csp.get("frame-ancestors"), path).toEqual(["'none'"]);
			expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
			expect(response.headers.get("cache-control"), path).toBe("no-store");
		}
	});

	it("tell browsers to keep to https when the public URL is https", async () => {
		const secure = await startTestServer("postgres", { BETTER_AUTH_URL: "https://auth.example.test" });
		try {
			const response = await fetch(`${secure.server.url}/api/auth/get-session`);
			expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
		} finally {
			await secure.close();
		}
	});
});

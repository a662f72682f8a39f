import { SignJWT, base64url, exportSPKI, generateKeyPair, importJWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "./support/test-client.js";
import { type TestServer, URL_BACKENDS, startTestServer } from "./support/test-server.js";

describe.each(URL_BACKENDS)("requireAuth on /api/profile on %s", (backend) => {
	let t: TestServer;
	let userId: string;
	let validToken: string;
	const now = () => Math.floor(Date.now() / 1000);

	beforeAll(async () => {
		t = await startTestServer(backend);
		const browser = new TestClient(t.baseURL);
		const signUp = await browser.request("POST", "/api/auth/sign-up/email", {
			email: "jwt@example.com",
			password: "correct horse battery",
			name: "Jay",
		});
		userId = signUp.body.user.id;
		validToken = (await browser.request("GET", "/api/auth/token")).body.token;
	});
	afterAll(async () => {
		await t?.close();
	});

	const callWith = (authorization: string) =>
		new TestClient(t.baseURL, { origin: null }).request("GET", "/api/profile", undefined, { authorization });

	/** A token signed with the server's own key, with claims chosen by the test. */
	const signedByServer = async (payload: Record<string, unknown>) =>
		(await t.server.auth.api.signJWT({ body: { payload: { sub: userId, email: "jwt@example.com", name: "Jay", ...payload } } })).token;

	it("accepts the server's own RS256 token", async () => {
		const response = await callWith(`Bearer ${validToken}`);
		expect(response.status).toBe(200);
		expect(response.body.userId).toBe(userId);
	});

	const cases: [string, () => Promise<string>, string][] = [
		[
			"alg none",
			async () => {
				const [, payload] = validToken.split(".");
				return `${base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }))}.${payload}.`;
			},
			"TOKEN_INVALID",
		],
		[
			"HS256 signed with the public key",
			async () => {
				const { keys } = await (await fetch(new URL("/api/auth/jwks", t.baseURL))).json();
				const publicKey = await importJWK(keys[0], "RS256");
				const pem = await exportSPKI(publicKey as CryptoKey);
				return new SignJWT({ sub: userId })
					.setProtectedHeader({ alg: "HS256", kid: keys[0].kid })
					.setIssuer(t.baseURL)
					.setAudience(t.baseURL)
					.setExpirationTime("1h")
					.sign(new TextEncoder().encode(pem));
			},
			"TOKEN_INVALID",
		],
		["expired", () => signedByServer({ iat: now() - 7200, exp: now() - 60 }), "TOKEN_EXPIRED"],
		["another issuer", () => signedByServer({ iss: "https://evil.example" }), "TOKEN_WRONG_ISSUER_OR_AUDIENCE"],
		["another audience", () => signedByServer({ aud: "https://other-api.example" }), "TOKEN_WRONG_ISSUER_OR_AUDIENCE"],
		[
			"an unknown key id",
			async () => {
				const { privateKey } = await generateKeyPair("RS256");
				return new SignJWT({ sub: userId })
					.setProtectedHeader({ alg: "RS256", kid: "not-a-key-of-this-server" })
					.setIssuer(t.baseURL)
					.setAudience(t.baseURL)
					.setExpirationTime("1h")
					.sign(privateKey);
			},
			"TOKEN_UNKNOWN_KEY",
		],
		[
			"a tampered payload",
			async () => {
				const [header, , signature] = validToken.split(".");
				const forged = base64url.encode(JSON.stringify({ sub: "someone-else", iss: t.baseURL, aud: t.baseURL, exp: now() + 3600 }));
				return `${header}.${forged}.${signature}`;
			},
			"TOKEN_INVALID",
		],
		["garbage", async () => "not.a.jwt", "TOKEN_INVALID"],
	];

	it.each(cases)("refuses a token with %s: 401 with a JSON reason", async (_, makeToken, code) => {
		const response = await callWith(`Bearer ${await makeToken()}`);
		expect(response.status).toBe(401);
		expect(response.body.code).toBe(code);
		expect(response.body.message).toMatch(/\w/);
	});

	it("accepts the session token that sign-in hands out in set-auth-token (token mode), with no cookie", async () => {
		const browser = new TestClient(t.baseURL);
		const signIn = await browser.request("POST", "/api/auth/sign-in/email", { email: "jwt@example.com", password: "correct horse battery" });
		const sessionToken = signIn.headers.get("set-auth-token")!;
		expect(sessionToken).toMatch(/^[^.]+\.[^.]+$/);
		// The browser script may read it only if CORS exposes it, and the server exposes it itself.
		expect(signIn.headers.get("access-control-expose-headers")).toContain("set-auth-token");

		const read = await callWith(`Bearer ${sessionToken}`);
		expect(read.status).toBe(200);
		expect(read.body.userId).toBe(userId);
		// A Bearer request is not sent by the browser on its own, so it needs no trusted Origin.
		const write = await new TestClient(t.baseURL, { origin: null }).request(
			"PUT",
			"/api/profile",
			{ softwareBackground: "token mode", hardwareBackground: null },
			{ authorization: `Bearer ${sessionToken}` },
		);
		expect(write.status).toBe(200);
		expect(write.body.softwareBackground).toBe("token mode");

		const session = await new TestClient(t.baseURL, { origin: null }).request("GET", "/api/auth/get-session", undefined, {
			authorization: `Bearer ${sessionToken}`,
		});
		expect(session.body.user.id).toBe(userId);

		await new TestClient(t.baseURL).request("POST", "/api/auth/sign-out", undefined, { authorization: `Bearer ${sessionToken}` });
		const afterSignOut = await callWith(`Bearer ${sessionToken}`);
		expect(afterSignOut.status).toBe(401);
		expect(afterSignOut.body.code).toBe("SESSION_INVALID");
	});

	it("refuses a forged session token", async () => {
		for (const forged of ["abc.def", "no-dot-at-all"]) {
			const response = await callWith(`Bearer ${forged}`);
			expect(response.status).toBe(401);
			expect(response.body.code).toBe("SESSION_INVALID");
		}
	});

	it("refuses an Authorization header that is not Bearer, and a request with no credentials", async () => {
		expect((await callWith(`Basic ${btoa("a:b")}`)).status).toBe(401);
		const none = await new TestClient(t.baseURL).request("GET", "/api/profile");
		expect(none.status).toBe(401);
		expect(none.body.code).toBe("UNAUTHORIZED");
	});
});

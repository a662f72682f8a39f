import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "./support/test-client.js";
import { BACKENDS, type TestServer, startTestServer } from "./support/test-server.js";

const password = "correct horse battery";

describe.each(BACKENDS)("sign-up to sign-out on %s Postgres", (backend) => {
	let t: TestServer;
	beforeAll(async () => {
		t = await startTestServer(backend);
	});
	afterAll(async () => {
		await t?.close();
	});

	const countUsers = async (email: string) =>
		Number((await t.server.database.pool.query(`SELECT count(*) FROM "user" WHERE email = $1`, [email])).rows[0].count);

	it("signs up with a profile, signs in, and proves who the user is with a cookie and with a JWT", async () => {
		const browser = new TestClient(t.baseURL);
		const client = browser.authClient();
		const email = `ada-${backend}@example.com`;

		const signUp = await client.signUp.email({
			email,
			password,
			name: "Ada Lovelace",
			profile: { softwareBackground: "  Python, some Rust\nand a little Go  ", hardwareBackground: "Arduino ✓ — حساس" },
		} as Parameters<typeof client.signUp.email>[0]);
		expect(signUp.error).toBeNull();
		expect(signUp.data?.user.email).toBe(email);

		const session = await client.getSession();
		expect(session.data?.user.email).toBe(email);
		// get-session must not mint a JWT on every call (that is what made the default slow).
		const raw = await browser.request("GET", "/api/auth/get-session");
		expect(raw.headers.get("set-auth-jwt")).toBeNull();

		const profile = await browser.request("GET", "/api/profile");
		expect(profile.status).toBe(200);
		expect(profile.body).toMatchObject({
			userId: signUp.data?.user.id,
			softwareBackground: "Python, some Rust\nand a little Go",
			hardwareBackground: "Arduino ✓ — حساس",
		});

		const { data: tokenData } = await client.token();
		const token = tokenData!.token;
		expect(decodeProtectedHeader(token).alg).toBe("RS256");
		const jwks = createRemoteJWKSet(new URL("/api/auth/jwks", t.baseURL));
		const { payload } = await jwtVerify(token, jwks, { issuer: t.baseURL, audience: t.baseURL, algorithms: ["RS256"] });
		expect(payload.sub).toBe(signUp.data?.user.id);
		expect(payload.email).toBe(email);
		expect(payload.name).toBe("Ada Lovelace");
		expect(payload.exp! - payload.iat!).toBe(7 * 24 * 3600);
		// Only what an API needs: not the whole user row.
		expect(Object.keys(payload).sort()).toEqual(["aud", "email", "exp", "iat", "iss", "name", "sub"]);

		const api = new TestClient(t.baseURL, { origin: null });
		const viaJwt = await api.request("GET", "/api/profile", undefined, { authorization: `Bearer ${token}` });
		expect(viaJwt.status).toBe(200);
		expect(viaJwt.body.userId).toBe(signUp.data?.user.id);

		const updated = await api.request("PUT", "/api/profile", { softwareBackground: "TypeScript" }, { authorization: `Bearer ${token}` });
		expect(updated.status).toBe(200);
		expect(updated.body).toMatchObject({ softwareBackground: "TypeScript", hardwareBackground: null });

		await client.signOut();
		expect((await client.getSession()).data).toBeNull();
		expect((await browser.request("GET", "/api/profile")).status).toBe(401);

		const signIn = await client.signIn.email({ email, password });
		expect(signIn.error).toBeNull();
		expect((await browser.request("GET", "/api/profile")).body.softwareBackground).toBe("TypeScript");
	});

	it("refuses a wrong password and a duplicate email with clear codes", async () => {
		const client = new TestClient(t.baseURL);
		const email = `grace-${backend}@example.com`;
		expect((await client.request("POST", "/api/auth/sign-up/email", { email, password, name: "Grace" })).status).toBe(200);
		const wrong = await new TestClient(t.baseURL).request("POST", "/api/auth/sign-in/email", { email, password: "not the password" });
		expect(wrong.status).toBe(401);
		expect(wrong.body.code).toBe("INVALID_EMAIL_OR_PASSWORD");
		const again = await new TestClient(t.baseURL).request("POST", "/api/auth/sign-up/email", { email, password, name: "Grace" });
		expect(again.status).toBe(422);
		expect(again.body.code).toBe("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
		const short = await new TestClient(t.baseURL).request("POST", "/api/auth/sign-up/email", {
			email: `short-${backend}@example.com`,
			password: "1234567",
			name: "Short",
		});
		expect(short.status).toBe(400);
		expect(short.body.code).toBe("PASSWORD_TOO_SHORT");
	});

	it.each([
		["a number", { softwareBackground: 42 }, "softwareBackground", "PROFILE_FIELD_NOT_TEXT"],
		["2001 characters", { hardwareBackground: "x".repeat(2001) }, "hardwareBackground", "PROFILE_FIELD_TOO_LONG"],
		["an unknown field", { favouriteColour: "blue" }, "favouriteColour", "PROFILE_FIELD_UNKNOWN"],
		["a NUL character", { softwareBackground: "nul\u0000byte" }, "softwareBackground", "PROFILE_FIELD_INVALID_CHARACTERS"],
		["a string instead of an object", "python", "profile", "PROFILE_NOT_AN_OBJECT"],
	])("a profile with %s is a 400 naming the field, and creates no user", async (_, profile, field, code) => {
		const email = `bad-${code.toLowerCase()}-${backend}@example.com`;
		const response = await new TestClient(t.baseURL).request("POST", "/api/auth/sign-up/email", { email, password, name: "Bad", profile });
		expect(response.status).toBe(400);
		expect(response.body).toMatchObject({ code, field });
		expect(response.body.message).toMatch(/\w/);
		expect(await countUsers(email)).toBe(0);
	});

	it("makes exactly one user when 20 sign-ups race with one email", async () => {
		const email = `race-${backend}@example.com`;
		const results = await Promise.all(
			Array.from({ length: 20 }, () =>
				new TestClient(t.baseURL).request("POST", "/api/auth/sign-up/email", { email, password, name: "Racer" }),
			),
		);
		const statuses = results.map((r) => r.status);
		expect(statuses.filter((s) => s === 200)).toHaveLength(1);
		// The losers get a client error that says why, never a 5xx nor a vague "failed to create user".
		const losers = results.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body?.code}`);
		expect(losers).toEqual(Array(19).fill("422 USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL"));
		expect(await countUsers(email)).toBe(1);
		const { rows } = await t.server.database.pool.query(
			`SELECT count(*)::int AS accounts FROM account a JOIN "user" u ON u.id = a."userId" WHERE u.email = $1`,
			[email],
		);
		expect(rows[0].accounts).toBe(1);
	});

	it("keeps every one of 200 concurrent distinct sign-ups, each with its profile", async () => {
		const emails = Array.from({ length: 200 }, (_, i) => `crowd-${i}-${backend}@example.com`);
		const results = await Promise.all(
			emails.map((email, i) =>
				new TestClient(t.baseURL).request("POST", "/api/auth/sign-up/email", {
					email,
					password,
					name: `Person ${i}`,
					profile: { softwareBackground: `answer ${i}` },
				}),
			),
		);
		expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
		const { rows } = await t.server.database.pool.query(
			`SELECT u.email, p.software_background FROM "user" u JOIN user_profile p ON p.user_id = u.id WHERE u.email LIKE 'crowd-%'`,
		);
		expect(rows).toHaveLength(200);
		for (const row of rows) expect(row.software_background).toBe(`answer ${row.email.split("-")[1]}`);
	});

	it("refuses requests from an untrusted origin", async () => {
		const email = `origin-${backend}@example.com`;
		const evil = new TestClient(t.baseURL, { origin: "https://evil.example" });
		const signUp = await evil.request("POST", "/api/auth/sign-up/email", { email, password, name: "Evil" });
		expect(signUp.status).toBe(403);
		expect(signUp.body.code).toBe("INVALID_ORIGIN");
		expect(await countUsers(email)).toBe(0);

		const preflight = await fetch(new URL("/api/auth/sign-in/email", t.baseURL), {
			method: "OPTIONS",
			headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
		});
		expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
		const trusted = await fetch(new URL("/api/auth/sign-in/email", t.baseURL), {
			method: "OPTIONS",
			headers: { origin: "http://localhost:3000", "access-control-request-method": "POST" },
		});
		expect(trusted.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
		expect(trusted.headers.get("access-control-allow-credentials")).toBe("true");

		// A signed-in user's cookie, replayed by another site, can't change the profile.
		const user = new TestClient(t.baseURL);
		await user.request("POST", "/api/auth/sign-up/email", { email: `victim-${backend}@example.com`, password, name: "Victim" });
		const forged = new TestClient(t.baseURL, { origin: "https://evil.example" });
		for (const [name, value] of user.cookies) forged.cookies.set(name, value);
		const put = await forged.request("PUT", "/api/profile", { softwareBackground: "pwned" });
		expect(put.status).toBe(403);
		expect(put.body.code).toBe("INVALID_ORIGIN");
		// Nor can a request that hides where it came from.
		const anonymous = new TestClient(t.baseURL, { origin: null });
		for (const [name, value] of user.cookies) anonymous.cookies.set(name, value);
		const hidden = await anonymous.request("PUT", "/api/profile", { softwareBackground: "pwned" });
		expect(hidden.status).toBe(403);
		expect(hidden.body.code).toBe("INVALID_ORIGIN");
		expect((await user.request("GET", "/api/profile")).body.softwareBackground).toBeNull();
	});

	it("keeps users across a restart", async () => {
		const email = `persist-${backend}@example.com`;
		const first = new TestClient(t.baseURL);
		expect((await first.request("POST", "/api/auth/sign-up/email", { email, password, name: "Persist" })).status).toBe(200);
		await t.restart();
		const afterRestart = new TestClient(t.baseURL);
		const signIn = await afterRestart.request("POST", "/api/auth/sign-in/email", { email, password });
		expect(signIn.status).toBe(200);
		// The session made before the restart is still valid too.
		expect((await first.request("GET", "/api/auth/get-session")).body?.user.email).toBe(email);
	});
});

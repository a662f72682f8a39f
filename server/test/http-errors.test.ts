import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "./support/test-client.js";
import { type TestServer, URL_BACKENDS, startTestServer } from "./support/test-server.js";

describe.each(URL_BACKENDS)("bad input gets a clear JSON answer on %s", (backend) => {
	let t: TestServer;
	beforeAll(async () => {
		t = await startTestServer(backend);
	});
	afterAll(async () => {
		await t?.close();
	});

	it("answers malformed JSON with 400, to Better Auth and to the app's own routes", async () => {
		const client = new TestClient(t.baseURL);
		const auth = await client.request("POST", "/api/auth/sign-in/email", '{"email": "a@b.c", ');
		expect(auth.status).toBe(400);
		expect(auth.body.code).toBeTypeOf("string");
		const own = await client.request("PUT", "/api/profile", "{nope", { authorization: "Bearer x" });
		expect(own.status).toBe(400);
		expect(own.body).toEqual({ code: "INVALID_JSON", message: "The request body is not valid JSON." });
	});

	it("answers bodies over 64 KB with 413 without reading them", async () => {
		const client = new TestClient(t.baseURL);
		const big = JSON.stringify({ email: "a@b.c", password: "x".repeat(100_000) });
		const auth = await client.request("POST", "/api/auth/sign-in/email", big);
		expect(auth.status).toBe(413);
		expect(auth.body.code).toBe("PAYLOAD_TOO_LARGE");
		const own = await client.request("PUT", "/api/profile", JSON.stringify({ softwareBackground: "x".repeat(100_000) }));
		expect(own.status).toBe(413);
		expect(own.body.code).toBe("PAYLOAD_TOO_LARGE");
	});

	it("answers unknown routes with a JSON 404", async () => {
		const response = await new TestClient(t.baseURL).request("GET", "/api/nothing-here");
		expect(response.status).toBe(404);
		expect(response.body.code).toBe("NOT_FOUND");
	});

	it("says the database is fine on /health", async () => {
		const response = await new TestClient(t.baseURL).request("GET", "/health");
		expect(response.status).toBe(200);
		expect(response.body).toEqual({ status: "ok", database: "ok" });
	});

	it("rate-limits sign-in per client address, not for everyone at once", async () => {
		const attacker = new TestClient(t.baseURL, { ip: "203.0.113.7" });
		const attempt = (client: TestClient) =>
			client.request("POST", "/api/auth/sign-in/email", { email: "nobody@example.com", password: "wrong password" });
		const statuses: number[] = [];
		for (let i = 0; i < 12; i++) statuses.push((await attempt(attacker)).status);
		expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
		const limited = await attempt(attacker);
		expect(limited.status).toBe(429);
		expect(limited.body.code).toBe("RATE_LIMITED");
		expect(limited.body.retryAfter).toBeGreaterThan(0);
		expect(limited.headers.get("retry-after")).toBe(String(limited.body.retryAfter));
		// Someone else behind the same proxy is not punished for it.
		expect((await attempt(new TestClient(t.baseURL, { ip: "203.0.113.8" }))).status).toBe(401);
		// The count lives in the database, where every instance sees it.
		const { rows } = await t.server.database.pool.query(`SELECT key FROM "rateLimit" WHERE key LIKE '203.0.113.7%'`);
		expect(rows.length).toBeGreaterThan(0);
	});

	it("never sends a stack trace, and never logs the secret", async () => {
		const client = new TestClient(t.baseURL);
		const responses = await Promise.all([
			client.request("POST", "/api/auth/sign-up/email", { email: 5, password: [], name: {} }),
			client.request("POST", "/api/auth/sign-in/email", "[]"),
			client.request("GET", "/api/auth/%E0%A4%A"),
		]);
		for (const response of responses) {
			expect(response.status).toBeLessThan(500);
			expect(JSON.stringify(response.body)).not.toMatch(/at \w+ \(|node_modules/);
		}
		expect(t.logs.join("\n")).not.toContain(t.env.BETTER_AUTH_SECRET);
	});
});

import { afterEach, describe, expect, it } from "vitest";
import { waitForOutput } from "../support/server-process.js";
import { TestClient } from "../support/test-client.js";
import { recordFigure } from "./figures.js";
import { seconds, timed, waitUntil } from "./load.js";
import { type ServerBehindProxy, startServerBehindProxy } from "./server-behind-proxy.js";

const PASSWORD = "correct horse battery staple";

describe("the database is down", () => {
	let t: ServerBehindProxy | undefined;
	afterEach(async () => {
		await t?.close();
		t = undefined;
	});

	it("at server start: keeps retrying with a clear log line, says 503 with a reason, becomes ready when it comes back", async () => {
		t = await startServerBehindProxy({ waitReady: false, beforeStart: (proxy) => proxy.refuse() });
		const client = new TestClient(t.baseURL);
		await waitForOutput(t.server, /warning: database not reachable \(.*ECONNREFUSED.*\); retrying in [\d.]+ s/, 30_000);
		// A second attempt: it keeps trying rather than giving up.
		await waitForOutput(t.server, /database not reachable[\s\S]*database not reachable/, 30_000);
		expect(t.server.child.exitCode).toBeNull();

		const health = await client.request("GET", "/health");
		expect(health.status).toBe(503);
		expect(health.body).toEqual({ code: "NOT_READY", message: expect.stringMatching(/database is not reachable.*ECONNREFUSED.*retrying/) });
		const signUp = await client.request("POST", "/api/auth/sign-up/email", { email: "early@example.com", password: PASSWORD, name: "Early" });
		expect(signUp.status).toBe(503);
		expect(signUp.body).toEqual({ code: "NOT_READY", message: expect.any(String) });
		const session = await client.request("GET", "/api/auth/get-session");
		expect(session.status).toBe(503);

		const restoredAt = Date.now();
		await t.proxy.restore();
		await waitUntil("/health to say 200", async () => (await client.request("GET", "/health")).status === 200, 30_000);
		const readyAfter = Date.now() - restoredAt;
		expect(t.server.output()).toMatch(/ready:/);
		const later = await client.request("POST", "/api/auth/sign-up/email", { email: "later@example.com", password: PASSWORD, name: "Later" });
		expect(later.status).toBe(200);
		const { rows } = await t.admin.query(`SELECT count(*)::int AS n FROM "user" WHERE email = 'later@example.com'`);
		expect(rows[0].n).toBe(1);
		const retries = (t.server.output().match(/database not reachable/g) ?? []).length;
		recordFigure({
			scenario: "database down at server start",
			result: `${retries} retries logged, /health and API 503 NOT_READY meanwhile; ready ${seconds(readyAfter)} after the database came back; sign-up works`,
		});
	});

	it("while running: /health and the API say 503, and both come back by themselves", async () => {
		t = await startServerBehindProxy();
		const client = new TestClient(t.baseURL);
		const signUp = await client.request("POST", "/api/auth/sign-up/email", { email: "before@example.com", password: PASSWORD, name: "Before" });
		expect(signUp.status).toBe(200);

		await t.proxy.refuse();
		const health = await client.request("GET", "/health");
		expect(health.status).toBe(503);
		expect(health.body).toEqual({ code: "DATABASE_UNAVAILABLE", message: expect.stringMatching(/does not answer/) });
		// Every kind of request says the same thing: a 503 with a reason, never a 500 or a 401.
		const answers = {
			"get-session": await timed(() => client.request("GET", "/api/auth/get-session")),
			profile: await timed(() => client.request("GET", "/api/profile")),
			token: await timed(() => client.request("GET", "/api/auth/token")),
			"sign-in": await timed(() =>
				new TestClient(t!.baseURL).request("POST", "/api/auth/sign-in/email", { email: "before@example.com", password: PASSWORD }),
			),
		};
		const slowest = Math.max(...Object.values(answers).map((a) => a.ms));
		for (const [name, answer] of Object.entries(answers)) {
			expect({ name, status: answer.status, body: answer.body }).toEqual({
				name,
				status: 503,
				body: { code: "DATABASE_UNAVAILABLE", message: expect.any(String) },
			});
		}
		expect(t.server.child.exitCode).toBeNull();

		const restoredAt = Date.now();
		await t.proxy.restore();
		await waitUntil("/health to say 200", async () => (await client.request("GET", "/health")).status === 200);
		const healthyAfter = Date.now() - restoredAt;
		const session = await client.request("GET", "/api/auth/get-session");
		expect(session.body?.user?.email).toBe("before@example.com");
		recordFigure({
			scenario: "database down while running",
			result: `/health, get-session, profile, token, sign-in all 503 DATABASE_UNAVAILABLE, each within ${seconds(slowest)} (3 connect retries); healthy ${seconds(healthyAfter)} after it came back; session kept`,
			lost: session.body?.user?.email === "before@example.com" ? 0 : 1,
		});
	});
});

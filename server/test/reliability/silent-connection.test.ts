import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../support/test-client.js";
import { recordFigure } from "./figures.js";
import { type LoadRequest, runLoad, seconds, sendJson, waitUntil } from "./load.js";
import { type ServerBehindProxy, startServerBehindProxy } from "./server-behind-proxy.js";

const USERS = 6;
const CLIENTS = 6;
const PASSWORD = "correct horse battery staple";
/** Longer than the server's 10 s timeouts, with room for a loaded machine. */
const SILENCE_MS = 13_000;
/** Far above the server's own bounds (10 s query and connect timeouts): only a real hang reaches it. */
const HANG_MS = 40_000;

/** The network between server and database drops everything while the sockets stay open. */
describe("a silent connection", () => {
	let t: ServerBehindProxy;
	const users: { id: string; client: TestClient }[] = [];

	beforeAll(async () => {
		t = await startServerBehindProxy();
		for (let i = 0; i < USERS; i++) {
			const client = new TestClient(t.baseURL);
			const signUp = await client.request("POST", "/api/auth/sign-up/email", { email: `silent-${i}@example.com`, password: PASSWORD, name: `S${i}` });
			expect(signUp.status).toBe(200);
			users.push({ id: signUp.body.user.id, client });
		}
	});
	afterAll(async () => {
		await t?.close();
	});

	it("fails requests with 503 within a bounded time instead of hanging, and recovers when the network does", async () => {
		const pick = (i: number): LoadRequest => {
			const user = users[i % USERS]!;
			return i % 3 === 2
				? { name: "profile", send: (signal) => sendJson(user.client, "GET", "/api/profile", signal) }
				: { name: "get-session", send: (signal) => sendJson(user.client, "GET", "/api/auth/get-session", signal) };
		};
		// A backend API's call with a JWT: its profile read is the only database work (the token's
		// signature was checked, and remembered, before the silence).
		const { token } = (await users[0]!.client.request("GET", "/api/auth/token")).body;
		const withJwt = () => sendJson(new TestClient(t.baseURL), "GET", "/api/profile", AbortSignal.timeout(HANG_MS), undefined, { authorization: `Bearer ${token}` });
		expect((await withJwt()).status).toBe(200);

		const load = runLoad(CLIENTS, pick, HANG_MS);
		await sleep(1500);
		const silentAt = Date.now();
		t.proxy.goSilent();
		const jwtCall = withJwt().then((answer) => ({ ...answer, endedAt: Date.now() }));
		await sleep(3000);
		const health = await new TestClient(t.baseURL).request("GET", "/health");
		// Long enough for requests caught in the silence to run into the server's 10 s timeouts.
		await sleep(Math.max(0, silentAt + SILENCE_MS - Date.now()));
		const restoredAt = Date.now();
		await t.proxy.restore();
		await waitUntil("/health to say 200", async () => (await new TestClient(t.baseURL).request("GET", "/health")).status === 200);
		const healthyAt = Date.now();
		// Requests that were opening a connection in the silence lost their first bytes: they run
		// into the 10 s connect timeout after the network is back. Give them time, then more.
		await sleep(12_000);
		const outcomes = await load.stop();

		expect(t.server.child.exitCode, t.server.output()).toBeNull();
		expect(health.status).toBe(503);
		expect(health.body).toEqual({ code: "DATABASE_UNAVAILABLE", message: expect.any(String) });
		expect(outcomes.filter((o) => o.noAnswer).map((o) => `${o.name}: ${o.noAnswer}`)).toEqual([]);
		const failed = outcomes.filter((o) => o.status !== 200);
		expect(failed.length, "requests caught in the silence").toBeGreaterThan(0);
		for (const o of failed) {
			expect({ name: o.name, status: o.status, body: o.body }).toEqual({
				name: o.name,
				status: 503,
				body: { code: "DATABASE_UNAVAILABLE", message: expect.any(String) },
			});
		}
		// Answered while the network was still dead: one 10 s timeout, not one per retry.
		const jwt = await jwtCall;
		expect({ status: jwt.status, body: jwt.body, beforeRestore: jwt.endedAt < restoredAt }).toEqual({
			status: 503,
			body: { code: "DATABASE_UNAVAILABLE", message: expect.any(String) },
			beforeRestore: true,
		});
		const slowestFailure = Math.max(...failed.map((o) => o.endedAt - o.startedAt));
		// Bounded by the server's 10 s timeouts (twice, for a request that waits for a pool slot first).
		expect(slowestFailure).toBeLessThan(25_000);
		// Requests that started once the network was back and /health said so all succeeded: no
		// connection left waiting for an answer that will never come was handed to them.
		const afterRecovery = outcomes.filter((o) => o.startedAt > healthyAt);
		expect(afterRecovery.length).toBeGreaterThan(10);
		expect(afterRecovery.filter((o) => o.status !== 200).map((o) => `${o.name} ${o.status}`)).toEqual([]);
		const duringSilence = outcomes.filter((o) => o.startedAt >= silentAt && o.startedAt < restoredAt);

		// Nobody lost their session to it.
		let lost = 0;
		for (const user of users) {
			const session = await user.client.request("GET", "/api/auth/get-session");
			if (session.body?.user?.id !== user.id) lost++;
		}
		expect(lost).toBe(0);
		recordFigure({
			scenario: "silent connection (13 s, sockets open, bytes lost)",
			result: `${outcomes.length} requests, ${duringSilence.length} started during the silence; ${failed.length} failed with 503, slowest answer ${seconds(slowestFailure)} (bound: 10 s query/connect timeout); a JWT profile read 503 in ${seconds(jwt.endedAt - silentAt)}; healthy ${seconds(healthyAt - restoredAt)} after the network came back, then ${afterRecovery.length} requests all 200`,
			lost,
		});
	});
});


import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, uniqueIp } from "../support/test-client.js";
import { recordFigure } from "./figures.js";
import { type LoadRequest, type Outcome, runLoad, seconds, sendJson } from "./load.js";
import { type ServerBehindProxy, startServerBehindProxy } from "./server-behind-proxy.js";

const USERS = 12;
const CLIENTS = 8;
const PASSWORD = "correct horse battery staple";

interface SignedUp {
	id: string;
	email: string;
	client: TestClient;
}

/** What a Neon compute suspending does to a busy server: every connection to the database dies at once. */
describe("every backend connection killed under load", () => {
	let t: ServerBehindProxy;
	const users: SignedUp[] = [];

	beforeAll(async () => {
		t = await startServerBehindProxy();
		for (let i = 0; i < USERS; i++) {
			const client = new TestClient(t.baseURL);
			const email = `suspend-${i}@example.com`;
			const signUp = await client.request("POST", "/api/auth/sign-up/email", { email, password: PASSWORD, name: `User ${i}` });
			expect(signUp.status).toBe(200);
			const profile = await client.request("PUT", "/api/profile", { softwareBackground: `answer ${i}`, hardwareBackground: null });
			expect(profile.status).toBe(200);
			users.push({ id: signUp.body.user.id, email, client });
		}
	});
	afterAll(async () => {
		await t?.close();
	});

	it("fails only what was in flight, with 503 and a reason, recovers by itself, and loses nothing", async () => {
		const pick = (i: number): LoadRequest => {
			const user = users[i % USERS]!;
			switch (i % 5) {
				case 0:
				case 3:
					return { name: "get-session", send: (signal) => sendJson(user.client, "GET", "/api/auth/get-session", signal) };
				case 1:
					return { name: "profile", send: (signal) => sendJson(user.client, "GET", "/api/profile", signal) };
				case 2:
					return { name: "health", send: (signal) => sendJson(user.client, "GET", "/health", signal) };
				default: {
					// A fresh client address each time: sign-in is limited to 10 a minute per address.
					const fresh = new TestClient(t.baseURL, { ip: uniqueIp() });
					return {
						name: "sign-in",
						send: (signal) => sendJson(fresh, "POST", "/api/auth/sign-in/email", signal, { email: user.email, password: PASSWORD }),
					};
				}
			}
		};
		const load = runLoad(CLIENTS, pick);
		await sleep(2000);
		const killStart = Date.now();
		const [terminated, reset] = await Promise.all([t.terminateBackends(), Promise.resolve(t.proxy.resetAll())]);
		const killEnd = Date.now();
		await sleep(6000);
		const outcomes = await load.stop();

		expect(terminated + reset, "connections killed").toBeGreaterThan(0);
		expect(t.server.child.exitCode, `the server exited:\n${t.server.output()}`).toBeNull();
		const noAnswer = outcomes.filter((o) => o.noAnswer);
		expect(noAnswer.map((o) => `${o.name}: ${o.noAnswer}`)).toEqual([]);
		const failed = outcomes.filter((o) => o.status !== 200);
		// A failure is a 503 that says what happened, never a 500 or a bare error.
		for (const o of failed) {
			expect({ name: o.name, status: o.status }).toEqual({ name: o.name, status: 503 });
			expect(o.body).toEqual({ code: expect.any(String), message: expect.any(String) });
		}
		const inFlight = outcomes.filter((o) => o.startedAt <= killEnd && o.endedAt >= killStart);
		const recoveredAt = Math.max(killEnd, ...failed.map((o) => o.endedAt));
		const after = outcomes.filter((o) => o.startedAt > recoveredAt);
		console.log(describeOutcomes(outcomes, failed, killStart, killEnd));
		// Postgres never went away: only requests that were using a connection as it died may fail.
		expect(failed.filter((o) => !inFlight.includes(o)).map((o) => `${o.name} started ${o.startedAt - killEnd} ms after the kill`)).toEqual([]);
		expect(after.length, "requests served after recovery").toBeGreaterThan(20);

		// Nothing made before the outage is lost: every user, their profile, and their session.
		const { rows } = await t.admin.query(
			`SELECT count(*)::int AS n FROM "user" u JOIN user_profile p ON p.user_id = u.id WHERE u.email LIKE 'suspend-%'`,
		);
		let sessionsLost = 0;
		for (const user of users) {
			const session = await user.client.request("GET", "/api/auth/get-session");
			if (session.body?.user?.id !== user.id) sessionsLost++;
		}
		expect(rows[0].n).toBe(USERS);
		expect(sessionsLost).toBe(0);
		recordFigure({
			scenario: "suspend under load (all backends killed + proxy reset)",
			result: `${outcomes.length} requests, ${CLIENTS} clients; ${terminated} backends terminated, ${reset} sockets reset; ${failed.length} failed (503, all in flight: ${inFlight.length}); recovered in ${seconds(recoveredAt - killStart)}`,
			lost: USERS - rows[0].n + sessionsLost,
		});
	});
});

function describeOutcomes(outcomes: Outcome[], failed: Outcome[], killStart: number, killEnd: number): string {
	const byCode = new Map<string, number>();
	for (const o of failed) {
		const key = `${o.name} ${o.status} ${(o.body as { code?: string })?.code ?? o.noAnswer}`;
		byCode.set(key, (byCode.get(key) ?? 0) + 1);
	}
	return [
		`${outcomes.length} requests, kill took ${killEnd - killStart} ms`,
		...[...byCode].map(([key, n]) => `  ${n} × ${key}`),
		...failed.map((o) => `  ${o.name} ${o.startedAt - killStart}..${o.endedAt - killStart} ms ${JSON.stringify(o.body)}`),
	].join("\n");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

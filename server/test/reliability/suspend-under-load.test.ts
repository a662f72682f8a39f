import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../support/test-client.js";
import { recordFigure } from "./figures.js";
import { type LoadRequest, type Outcome, runLoad, seconds, sendJson } from "./load.js";
import { type ServerBehindProxy, startServerBehindProxy } from "./server-behind-proxy.js";

const USERS = 12;
const CLIENTS = 12;
const PASSWORD = "correct horse battery staple";
/** How long after a kill the server may still hand out a connection it has not yet seen die. */
const NOTICE_MS = 500;

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
			switch (i % 10) {
				case 0:
					return { name: "health", send: (signal) => sendJson(user.client, "GET", "/health", signal) };
				case 1:
				case 2:
				case 3:
					return { name: "profile", send: (signal) => sendJson(user.client, "GET", "/api/profile", signal) };
				case 4: {
					// A fresh client address each time: sign-in is limited to 10 a minute per address.
					const fresh = new TestClient(t.baseURL);
					return {
						name: "sign-in",
						send: (signal) => sendJson(fresh, "POST", "/api/auth/sign-in/email", signal, { email: user.email, password: PASSWORD }),
					};
				}
				default:
					return { name: "get-session", send: (signal) => sendJson(user.client, "GET", "/api/auth/get-session", signal) };
			}
		};
		const load = runLoad(CLIENTS, pick);
		await sleep(2000);
		// Both ways a suspend looks from here: Postgres ends every session (57P01), or the sockets just die.
		const kills: Kill[] = [];
		for (const [how, kill] of [
			["pg_terminate_backend", () => t.terminateBackends()],
			["proxy reset", async () => t.proxy.resetAll()],
		] as const) {
			const startedAt = Date.now();
			const killed = await kill();
			kills.push({ how, killed, startedAt, endedAt: Date.now() });
			await sleep(3000);
		}
		await sleep(1000);
		const outcomes = await load.stop();

		expect(t.server.child.exitCode, `the server exited:\n${t.server.output()}`).toBeNull();
		const failed = outcomes.filter((o) => o.status !== 200);
		// What happened, for the message of a failing assertion.
		const story = describeOutcomes(outcomes, failed, kills);
		expect(failed.filter((o) => o.noAnswer).map((o) => `${o.name}: ${o.noAnswer}`), story).toEqual([]);
		expect(failed.filter((o) => o.endedAt < kills[0]!.startedAt).map((o) => `${o.name} ${o.status}`), "failed before any kill").toEqual([]);
		// A failure is a 503 that says what happened, never a 500 or a bare error.
		for (const o of failed) {
			expect({ name: o.name, status: o.status, body: o.body }, story).toEqual({
				name: o.name,
				status: 503,
				body: { code: expect.any(String), message: expect.any(String) },
			});
		}
		for (const kill of kills) {
			expect(kill.killed, `${kill.how}: connections killed`).toBeGreaterThan(0);
			// In flight at the kill: running while it happened, or started before the server could have
			// read the resets and errors it caused (they reach it a moment later, over loopback).
			const inFlight = outcomes.filter((o) => o.startedAt <= kill.endedAt + NOTICE_MS && o.endedAt >= kill.startedAt);
			const next = kills[kills.indexOf(kill) + 1]?.startedAt ?? Number.POSITIVE_INFINITY;
			// A failure belongs to the last kill before it ended.
			const failedHere = failed.filter((o) => o.endedAt >= kill.startedAt && o.endedAt < next);
			// Postgres never went away: only requests using a connection as it died may fail.
			expect(
				failedHere.filter((o) => !inFlight.includes(o)).map((o) => `${o.name} started ${o.startedAt - kill.endedAt} ms after the kill ended`),
				story,
			).toEqual([]);
			const recoveredAt = Math.max(kill.endedAt, ...failedHere.map((o) => o.endedAt));
			const servedAfter = outcomes.filter((o) => o.startedAt > recoveredAt && o.endedAt < next);
			expect(servedAfter.length, `${kill.how}: requests served after recovery`).toBeGreaterThan(10);
			kill.summary = `${kill.how} (${kill.killed} connections, took ${seconds(kill.endedAt - kill.startedAt)}): ${failedHere.length} of ${inFlight.length} in flight failed, all fine again ${seconds(recoveredAt - kill.endedAt)} after it`;
		}

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
			scenario: "suspend under load: every connection killed",
			result: `${outcomes.length} requests from ${CLIENTS} clients; ${kills.map((k) => k.summary).join("; ")}; failures all 503 JSON`,
			lost: USERS - rows[0].n + sessionsLost,
		});
	});
});

interface Kill {
	how: string;
	killed: number;
	startedAt: number;
	endedAt: number;
	summary?: string;
}

function describeOutcomes(outcomes: Outcome[], failed: Outcome[], kills: Kill[]): string {
	const killStart = kills[0]!.startedAt;
	const byCode = new Map<string, number>();
	for (const o of failed) {
		const key = `${o.name} ${o.status} ${(o.body as { code?: string })?.code ?? o.noAnswer}`;
		byCode.set(key, (byCode.get(key) ?? 0) + 1);
	}
	return [
		`${outcomes.length} requests; kills at ${kills.map((k) => `${k.startedAt - killStart}..${k.endedAt - killStart}`).join(", ")} ms`,
		...[...byCode].map(([key, n]) => `  ${n} × ${key}`),
		...failed.map((o) => `  ${o.name} ${o.startedAt - killStart}..${o.endedAt - killStart} ms ${JSON.stringify(o.body)}`),
	].join("\n");
}


import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../support/test-client.js";
import { type TestServer, startTestServer } from "../support/test-server.js";
import { recordFigure } from "./figures.js";

const SIGN_UPS = 500;
const RACERS = 20;
const password = "correct horse battery";

/** Sign-ups through Neon's pooled endpoint as it really is: TLS, PgBouncer in transaction mode. */
describe("sign-ups through PgBouncer in transaction mode, over TLS", () => {
	let t: TestServer;
	let db: pg.Client;
	beforeAll(async () => {
		t = await startTestServer("neon");
		// Checked on a connection of our own, as an operator would, not through the server's pool.
		db = new pg.Client(t.env.DATABASE_URL);
		await db.connect();
	});
	afterAll(async () => {
		await db?.end();
		await t?.close();
	});

	const signUp = (email: string, i: number) =>
		// A client of its own per sign-up: its own address, so the per-address rate limit does not apply.
		new TestClient(t.baseURL).request("POST", "/api/auth/sign-up/email", { email, password, name: `Person ${i}`, profile: { softwareBackground: `answer ${i}` } });

	it(`keeps every one of ${SIGN_UPS} concurrent sign-ups, once each, with account and profile`, async () => {
		const emails = Array.from({ length: SIGN_UPS }, (_, i) => `pooled-${i}@example.com`);
		const started = performance.now();
		const results = await Promise.all(emails.map(signUp));
		const seconds = (performance.now() - started) / 1000;

		const { rows } = await db.query<{ email: string; copies: number }>(
			`SELECT u.email, count(*)::int AS copies
			 FROM "user" u
			 JOIN account a ON a."userId" = u.id AND a."providerId" = 'credential'
			 JOIN user_profile p ON p.user_id = u.id AND p.software_background = 'answer ' || split_part(split_part(u.email, '@', 1), '-', 2)
			 WHERE u.email LIKE 'pooled-%'
			 GROUP BY u.email`,
		);
		const stored = rows.length;
		const duplicated = rows.filter((row) => row.copies > 1).length;
		const failed = results.filter((r) => r.status !== 200);
		recordFigure({
			scenario: `${SIGN_UPS} concurrent sign-ups via PgBouncer (TLS, transaction mode)`,
			result: `${stored} stored, ${duplicated} duplicated, ${failed.length} failed${describeStatuses(failed)}, ${seconds.toFixed(1)} s`,
			lost: SIGN_UPS - stored,
		});
		expect(failed.map((r) => `${r.status} ${r.body?.code}`)).toEqual([]);
		expect(stored).toBe(SIGN_UPS);
		expect(duplicated).toBe(0);
		// What was stored works: a few of them sign in with their password.
		for (const i of [0, 249, 499]) {
			const signIn = await new TestClient(t.baseURL).request("POST", "/api/auth/sign-in/email", { email: emails[i], password });
			expect(signIn.status).toBe(200);
		}
	});

	it(`makes exactly one user when one new email is raced ${RACERS} times, and tells the others why`, async () => {
		const email = "pooled-race@example.com";
		const results = await Promise.all(Array.from({ length: RACERS }, (_, i) => signUp(email, i)));
		const { rows } = await db.query<{ users: number; accounts: number }>(
			`SELECT count(DISTINCT u.id)::int AS users, count(a.id)::int AS accounts FROM "user" u LEFT JOIN account a ON a."userId" = u.id WHERE u.email = $1`,
			[email],
		);
		const { users, accounts } = rows[0]!;
		const winners = results.filter((r) => r.status === 200);
		const losers = results.filter((r) => r.status !== 200);
		recordFigure({
			scenario: `one new email raced ${RACERS} times via PgBouncer`,
			result: `${users} user, ${accounts} account; ${winners.length} × 200,${describeStatuses(losers)}`,
			lost: users === 0 ? 1 : 0,
		});
		expect(users).toBe(1);
		expect(accounts).toBe(1);
		expect(winners).toHaveLength(1);
		// The others get a client error they can show, never a 5xx.
		for (const loser of losers) {
			expect(loser.status).toBe(422);
			expect(loser.body.code).toBe("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
		}
	});
});

/** ` 19 × 422 USER_ALREADY_EXISTS…`, grouped by status and code; empty when there are none. */
function describeStatuses(responses: { status: number; body: { code?: string } | null }[]): string {
	const counts = new Map<string, number>();
	for (const r of responses) {
		const key = `${r.status} ${r.body?.code ?? ""}`.trim();
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...counts].map(([key, n]) => ` ${n} × ${key}`).join(",");
}

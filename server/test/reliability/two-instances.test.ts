import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATION_LOCK } from "../../src/db/migrate.js";
import { type TestDatabase, createTestDatabase } from "../support/postgres.js";
import { type SpawnedTestServer, spawnTestServer, waitForOutput } from "../support/server-process.js";
import { TestClient, uniqueIp } from "../support/test-client.js";
import { recordFigure } from "./figures.js";
import { waitUntil } from "./load.js";

const PASSWORD = "correct horse battery staple";

interface Instance extends SpawnedTestServer {
	name: string;
}

/** Two server processes behind one load balancer, sharing one database (and one secret). */
describe("two server instances on one database", () => {
	let db: TestDatabase;
	let a: Instance;
	let b: Instance;
	let startedIn = 0;
	let waitingBoth = false;

	beforeAll(async () => {
		db = await createTestDatabase();
		const spawn = async (name: string): Promise<Instance> => ({ name, ...(await spawnTestServer(db.url)) });
		// Both at the same moment, on an empty database. The test holds the migration lock until
		// both are waiting for it, so they really do race for it.
		const holder = new pg.Client({ connectionString: db.url });
		await holder.connect();
		await holder.query("BEGIN");
		await holder.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
		const startedAt = Date.now();
		[a, b] = await Promise.all([spawn("a"), spawn("b")]);
		await waitUntil("both instances to wait for the migration lock", async () => {
			const { rows } = await holder.query(
				`SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
				WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted`,
			);
			return rows[0].n === 2;
		});
		waitingBoth = true;
		await holder.query("COMMIT");
		await holder.end();
		await Promise.all([waitForOutput(a.server, /ready:/), waitForOutput(b.server, /ready:/)]);
		startedIn = Date.now() - startedAt;
	});
	afterAll(async () => {
		for (const instance of [a, b]) await instance?.stop();
		await db?.drop();
	});

	it("migrate once, without error, when both start together on an empty database", async () => {
		const logs = [a, b].map((i) => i.server.output());
		const created = logs.filter((log) => /schema: created or added user, session, account, verification, jwks, rateLimit/.test(log));
		const upToDate = logs.filter((log) => /schema: up to date/.test(log));
		// Both waited on the advisory lock; one created everything, the other found nothing to do.
		expect(waitingBoth).toBe(true);
		expect(created).toHaveLength(1);
		expect(upToDate).toHaveLength(1);
		for (const log of logs) expect(log).not.toMatch(/error|warning/i);
		const client = new pg.Client({ connectionString: db.url });
		await client.connect();
		try {
			const { rows } = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
			expect(rows.map((r) => r.table_name)).toEqual(["account", "jwks", "rateLimit", "session", "user", "user_profile", "verification"]);
		} finally {
			await client.end();
		}
		recordFigure({
			scenario: "two instances start at once on an empty database",
			result: `both queued on the migration lock, ready ${(startedIn / 1000).toFixed(1)} s after start; one migrated, the other found it up to date; no error logged`,
		});
	});

	it("accept on one instance the session made on the other", async () => {
		const browser = new TestClient(a.baseURL);
		const signUp = await browser.request("POST", "/api/auth/sign-up/email", { email: "both@example.com", password: PASSWORD, name: "Both" });
		expect(signUp.status).toBe(200);
		const onB = new TestClient(b.baseURL);
		for (const [name, value] of browser.cookies) onB.cookies.set(name, value);
		const session = await onB.request("GET", "/api/auth/get-session");
		expect(session.status).toBe(200);
		expect(session.body.user.id).toBe(signUp.body.user.id);
		const profile = await onB.request("PUT", "/api/profile", { softwareBackground: "set on b", hardwareBackground: null });
		expect(profile.status).toBe(200);
		expect((await browser.request("GET", "/api/profile")).body.softwareBackground).toBe("set on b");

		// Signed out on B: A no longer accepts the session either.
		expect((await onB.request("POST", "/api/auth/sign-out", {})).status).toBe(200);
		const afterSignOut = await browser.request("GET", "/api/auth/get-session");
		expect(afterSignOut.body).toBeNull();
		recordFigure({ scenario: "session made on instance A, used on B", result: "valid on B; profile written on B read on A; sign-out on B ends it on A" });
	});

	it("share the sign-in rate limit: 10 a minute per client address across both", async () => {
		const ip = uniqueIp();
		const attempt = (instance: Instance) =>
			new TestClient(instance.baseURL, { ip }).request("POST", "/api/auth/sign-in/email", { email: "nobody@example.com", password: "wrong password" });
		const statuses: number[] = [];
		// Alternating, as a load balancer would spread them.
		for (let i = 0; i < 10; i++) statuses.push((await attempt(i % 2 === 0 ? a : b)).status);
		expect(statuses).toEqual(Array(10).fill(401));
		const limitedOnA = await attempt(a);
		const limitedOnB = await attempt(b);
		expect([limitedOnA.status, limitedOnB.status]).toEqual([429, 429]);
		expect(limitedOnB.body.code).toBe("RATE_LIMITED");
		// Another address is not affected.
		const other = await new TestClient(b.baseURL).request("POST", "/api/auth/sign-in/email", {
			email: "nobody@example.com",
			password: "wrong password",
		});
		expect(other.status).toBe(401);
		// A burst in parallel over both (a brute-force attempt) gets no more through than one at a time.
		const burstIp = uniqueIp();
		const burst = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				new TestClient((i % 2 === 0 ? a : b).baseURL, { ip: burstIp }).request("POST", "/api/auth/sign-in/email", {
					email: "nobody@example.com",
					password: "wrong password",
				}),
			),
		);
		const statuses30 = burst.map((r) => r.status);
		expect(statuses30.filter((s) => s !== 401 && s !== 429)).toEqual([]);
		const through = statuses30.filter((s) => s === 401).length;
		expect(through).toBeLessThanOrEqual(10);
		recordFigure({ scenario: "sign-in rate limit across two instances", result: `5 attempts on each: 10 × 401, then 429 on both; 30 at once over both: ${through} through; another address still 401` });
	});
});

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KindCounts } from "../../src/import/reconciliation.js";
import { type ImportResult, dumpImportedTables, runImport, spawnImport } from "../support/import-command.js";
import { type TestDatabase, createTestDatabase } from "../support/postgres.js";
import { createSupabaseDatabase, generateSupabaseUsers } from "../support/supabase-fixture.js";
import { recordFigure } from "./figures.js";
import { SeededRandom } from "./seeded-random.js";

const SEED = 7;
// Enough that a run lasts a few seconds, so the test can watch it and kill it in the middle.
const USERS = 30_000;
const KILLS = 5;

/** Users the target holds, or 0 before the import has created its tables. */
async function usersIn(pool: pg.Pool): Promise<number> {
	try {
		return (await pool.query(`SELECT count(*)::int AS n FROM "user"`)).rows[0].n;
	} catch {
		return 0;
	}
}

/** The ids of the users the target holds; none before the import has created its tables. */
async function userIdsIn(pool: pg.Pool): Promise<string[]> {
	try {
		return (await pool.query(`SELECT id FROM "user"`)).rows.map((row) => row.id as string);
	} catch {
		return [];
	}
}

/** Every row of `table` that belongs to one of `userIds`, in a stable order, as text. */
async function rowsOfUsers(pool: pg.Pool, table: "account" | "user_profile", userIds: string[]): Promise<string> {
	const column = table === "account" ? `"userId"` : "user_id";
	const { rows } = await pool.query(`SELECT coalesce(json_agg(t ORDER BY t::text), '[]')::text AS rows FROM ${table} t WHERE ${column} = ANY($1)`, [userIds]);
	return rows[0].rows;
}

const written = (counts: KindCounts) => counts.imported + counts.updated + counts.unchanged;

describe("the Supabase import killed with SIGKILL at random points, then run to completion", () => {
	let source: TestDatabase;
	let killed: TestDatabase;
	let clean: TestDatabase;
	let killedPool: pg.Pool;
	let cleanPool: pg.Pool;
	let cleanRun: ImportResult;
	const env = (target: TestDatabase) => ({ FROM_DATABASE_URL: source.url, TO_DATABASE_URL: target.url });

	beforeAll(async () => {
		[source, killed, clean] = await Promise.all([createSupabaseDatabase(), createTestDatabase(), createTestDatabase()]);
		await generateSupabaseUsers(source.url, 1, USERS);
		killedPool = new pg.Pool({ connectionString: killed.url, max: 1 });
		cleanPool = new pg.Pool({ connectionString: clean.url, max: 1 });
		cleanRun = await runImport(env(clean), ["--json"]);
	});
	afterAll(async () => {
		await Promise.all([killedPool?.end(), cleanPool?.end()]);
		await Promise.all([source?.drop(), killed?.drop(), clean?.drop()]);
	});

	it("ends with the same rows as a clean run, none twice, and totals that add up", async () => {
		// Not necessarily 0: the fixture holds conflicts for a person to review, which exit with 1.
		expect(cleanRun.report, cleanRun.stderr).toBeDefined();
		const cleanReport = cleanRun.report!;
		expect(cleanReport.totalsAddUp).toBe(true);
		const expectedUsers = written(cleanReport.counts.users);
		expect(expectedUsers).toBeGreaterThan(USERS / 2);

		const random = new SeededRandom(SEED);
		const kills: string[] = [];
		for (let k = 0; k < KILLS; k++) {
			const before = await usersIn(killedPool);
			// Either while starting (loading, connecting, migrating: before any row), or once a seeded
			// share, at most half, of the users still missing are in, so every kill leaves work to resume.
			const whileStarting = k === 0 || random.chance(0.2);
			const delayMs = random.int(20, 400);
			const target = Math.min(expectedUsers - 1, before + Math.max(1, Math.round(random.next() * 0.5 * (expectedUsers - before))));
			const { child, result } = spawnImport(env(killed), [`--batch-size=${random.pick([50, 100, 250, 500])}`]);
			try {
				const deadline = Date.now() + 60_000;
				if (whileStarting) await new Promise((resolve) => setTimeout(resolve, delayMs));
				else while ((await usersIn(killedPool)) < target && child.exitCode === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
			} finally {
				child.kill("SIGKILL");
			}
			const run = await result;
			const after = await usersIn(killedPool);
			const point = whileStarting ? `after ${delayMs} ms` : `at ≥ ${target.toLocaleString("en")} users`;
			kills.push(run.code === null ? `${point}: ${after.toLocaleString("en")} users in` : `${point}: had already ended (${run.code})`);

			// Whole users only: each one present came with all its accounts and its profile.
			const present = await userIdsIn(killedPool);
			for (const table of present.length ? (["account", "user_profile"] as const) : []) {
				expect(await rowsOfUsers(killedPool, table, present), `${table} after kill ${k + 1}`).toBe(await rowsOfUsers(cleanPool, table, present));
			}
		}

		const finalRun = await runImport(env(killed), ["--json"]);
		expect(finalRun.code, finalRun.stderr).toBe(cleanRun.code);
		const report = finalRun.report!;
		expect(report.totalsAddUp).toBe(true);
		for (const kind of ["users", "passwords", "identities", "profiles"] as const) {
			const [resumed, fresh] = [report.counts[kind], cleanReport.counts[kind]];
			expect({ kind, read: resumed.read, written: written(resumed), updated: resumed.updated, skipped: resumed.skipped, conflicts: resumed.conflicts }).toEqual({
				kind,
				read: fresh.read,
				written: written(fresh),
				updated: 0,
				skipped: fresh.skipped,
				conflicts: fresh.conflicts,
			});
		}
		const [resumedTables, cleanTables] = await Promise.all([dumpImportedTables(killed.url), dumpImportedTables(clean.url)]);
		const rows = (dump: Record<string, string>) => Object.fromEntries(Object.entries(dump).map(([table, json]) => [table, JSON.parse(json).length]));
		const lost = Math.abs(rows(cleanTables)['"user"']! - rows(resumedTables)['"user"']!);
		recordFigure({
			scenario: `Supabase import of ${USERS.toLocaleString("en")} users SIGKILLed ${KILLS} times, then completed`,
			result:
				`kills ${kills.join("; ")}; last run: ${report.counts.users.unchanged.toLocaleString("en")} users already in + ` +
				`${report.counts.users.imported.toLocaleString("en")} imported = ${written(report.counts.users).toLocaleString("en")} (clean run: ${expectedUsers.toLocaleString("en")}); ` +
				`rows ${JSON.stringify(rows(resumedTables))}, identical to the clean run: ${JSON.stringify(resumedTables) === JSON.stringify(cleanTables)}`,
			lost,
		});
		// Row for row, the same as the clean run: nothing missing, nothing twice.
		expect(resumedTables).toEqual(cleanTables);
		// The kills really landed in the middle: the last run found work done and work left.
		expect(report.counts.users.unchanged).toBeGreaterThan(0);
		expect(report.counts.users.imported).toBeGreaterThan(0);
	});
});

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dumpImportedTables, runImport, spawnImport } from "./support/import-command.js";
import { type TestDatabase, createTestDatabase } from "./support/postgres.js";
import { createSupabaseDatabase, generateSupabaseUsers } from "./support/supabase-fixture.js";

const USERS = 10_000;

describe("an import killed with SIGKILL in the middle", () => {
	let source: TestDatabase;
	let killed: TestDatabase;
	let clean: TestDatabase;
	beforeAll(async () => {
		[source, killed, clean] = await Promise.all([createSupabaseDatabase(), createTestDatabase(), createTestDatabase()]);
		await generateSupabaseUsers(source.url, 1, USERS);
	});
	afterAll(async () => {
		await Promise.all([source?.drop(), killed?.drop(), clean?.drop()]);
	});

	it("leaves whole batches only, and the next run ends exactly where a clean run ends", async () => {
		const env = (target: TestDatabase) => ({ FROM_DATABASE_URL: source.url, TO_DATABASE_URL: target.url });
		const { child, result } = spawnImport(env(killed), ["--batch-size=100"]);
		const pool = new pg.Pool({ connectionString: killed.url, max: 1 });
		const usersIn = async () => {
			try {
				return (await pool.query(`SELECT count(*)::int AS n FROM "user"`)).rows[0].n as number;
			} catch {
				return 0; // the tables are not there yet
			}
		};
		try {
			const deadline = Date.now() + 60_000;
			while ((await usersIn()) < 1000) {
				if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the import never got going:\n${(await result).stderr}`);
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			child.kill("SIGKILL");
			const interrupted = await result;
			expect(interrupted.code).toBeNull();

			const partial = await usersIn();
			expect(partial).toBeGreaterThanOrEqual(1000);
			const cleanRun = await runImport(env(clean), ["--json"]);
			expect(cleanRun.report!.totalsAddUp).toBe(true);
			expect(partial).toBeLessThan(cleanRun.report!.counts.users.imported);

			// Every user the killed run left behind came with all of their accounts and profile.
			const present = (await pool.query(`SELECT id FROM "user"`)).rows.map((row) => row.id as string);
			const cleanPool = new pg.Pool({ connectionString: clean.url, max: 1 });
			try {
				for (const [table, column] of [["account", `"userId"`], ["user_profile", "user_id"]]) {
					const rowsOf = async (db: pg.Pool) =>
						(await db.query(`SELECT coalesce(json_agg(t ORDER BY t::text), '[]')::text AS rows FROM ${table} t WHERE ${column} = ANY($1)`, [present])).rows[0].rows;
					expect(await rowsOf(pool)).toBe(await rowsOf(cleanPool));
				}
			} finally {
				await cleanPool.end();
			}

			const resumed = await runImport(env(killed), ["--json"]);
			expect(resumed.code).toBe(cleanRun.code);
			expect(resumed.report!.counts.users).toMatchObject({ unchanged: partial, updated: 0, imported: cleanRun.report!.counts.users.imported - partial });
			// Not a terminal: plain progress lines.
			expect(resumed.stderr).toMatch(/^import: [\d,]+\/10,000 users \(\d+%\), [\d,]+\/s, about .+ left$/m);
			expect(await dumpImportedTables(killed.url)).toEqual(await dumpImportedTables(clean.url));
		} finally {
			child.kill("SIGKILL");
			await pool.end();
		}
	});
});

import type { BetterAuthOptions } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { Kysely, PostgresDialect } from "kysely";
import type pg from "pg";
import { PROFILE_TABLE_SQL } from "../profile/profile-store.js";

/** Any constant shared by every instance: it names the lock, nothing more. */
export const MIGRATION_LOCK = 7_414_510_221;

/**
 * Waiting for another instance's migration, or building an index on a big table, may take
 * longer than the pool's query timeout (meant for requests); these statements get their own.
 */
const SLOW_STATEMENT_TIMEOUT_MS = 10 * 60_000;

export interface MigrationResult {
	/** Tables and columns that did not exist before, e.g. `user`, `rateLimit.key`. */
	changes: string[];
}

/**
 * Creates or upgrades every table: Better Auth's (with the jwt plugin and the rate limit table)
 * and the app's own. Idempotent. Runs in one transaction holding a transaction-scoped advisory
 * lock, so instances starting together migrate one after another, and nothing leaks through a
 * transaction-mode pooler such as Neon's.
 */
export async function migrate(pool: pg.Pool, authOptions: BetterAuthOptions): Promise<MigrationResult> {
	const client = await pool.connect();
	try {
		await client.query("BEGIN");
		const slow = (text: string, values?: unknown[]) => client.query({ text, values, query_timeout: SLOW_STATEMENT_TIMEOUT_MS } as pg.QueryConfig);
		await slow("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
		// Plan on the locked connection: it sees what an instance before us committed, and the
		// embedded database has only this one connection.
		const plan = await getMigrations({ ...authOptions, database: { db: onClient(client), type: "postgres" } });
		const changes = [
			...plan.toBeCreated.map((table) => table.table),
			...plan.toBeAdded.flatMap((table) => Object.keys(table.fields).map((field) => `${table.table}.${field}`)),
			...plan.toBeAddedIndexes.map((index) => index.name),
		];
		if (changes.length > 0) await slow(await plan.compileMigrations());
		await client.query(PROFILE_TABLE_SQL);
		// Better Auth signs with the newest key of *any* algorithm when none matches the configured
		// one; retire keys of another algorithm so every token is RS256 (they stay in the JWKS
		// for the grace period, so tokens already issued still verify).
		await client.query(
			`UPDATE jwks SET "expiresAt" = now() WHERE alg IS DISTINCT FROM 'RS256' AND ("expiresAt" IS NULL OR "expiresAt" > now())`,
		);
		await client.query("COMMIT");
		return { changes };
	} catch (error) {
		await client.query("ROLLBACK").catch(() => {});
		throw error;
	} finally {
		client.release();
	}
}

/** A Kysely that runs everything on one already-checked-out client (and never releases it). */
function onClient(client: pg.PoolClient): Kysely<any> {
	const pool = {
		connect: async () => ({ query: client.query.bind(client), release() {} }),
		end: async () => {},
	};
	return new Kysely({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) });
}

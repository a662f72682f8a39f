import type { Kysely } from "kysely";
import { describeUrl } from "./describe-url.js";
import { startEmbeddedPostgres } from "./embedded.js";
import { createKysely } from "./kysely.js";
import { Client, POOL_WAIT_MS, RetryingPool, SERVER_QUERY_TIMEOUT_MS, createPostgresPool } from "./pool.js";

export interface Database {
	pool: RetryingPool;
	/** What Better Auth runs on; shares `pool`. */
	kysely: Kysely<any>;
	/** Where the data lives, for the start-up line; never contains a password. */
	description: string;
	close(): Promise<void>;
}

export interface DatabaseOptions {
	/** Postgres URL; without one, the embedded database in `dataDir`. */
	databaseUrl: string | undefined;
	dataDir: string;
	onIdleError: (error: Error) => void;
}

export async function openDatabase({ databaseUrl, dataDir, onIdleError }: DatabaseOptions): Promise<Database> {
	if (databaseUrl) {
		const pool = createPostgresPool(databaseUrl, onIdleError, { queryTimeoutMs: SERVER_QUERY_TIMEOUT_MS });
		return withKysely(pool, describeUrl(databaseUrl), () => pool.end());
	}
	const embedded = await startEmbeddedPostgres(dataDir);
	// One connection: the socket server interleaves connections per protocol message, which
	// corrupts concurrent transactions (shared/notes/pglite.md).
	const pool = new RetryingPool({
		Client,
		host: embedded.socketDir,
		port: 5432,
		user: "postgres",
		database: "postgres",
		max: 1,
		connectionTimeoutMillis: POOL_WAIT_MS,
	});
	pool.on("error", onIdleError);
	return withKysely(pool, `embedded PGlite in ${dataDir}/pglite (set DATABASE_URL to use Neon or any Postgres)`, async () => {
		await pool.end();
		await embedded.stop();
	});
}

function withKysely(pool: RetryingPool, description: string, close: () => Promise<void>): Database {
	let closing: Promise<void> | undefined;
	return { pool, kysely: createKysely(pool), description, close: () => (closing ??= close()) };
}

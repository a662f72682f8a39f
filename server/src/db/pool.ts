import pg from "pg";
import { withRetry } from "./transient.js";

/**
 * A pg Pool whose `connect()` retries while the database is briefly unreachable (a Neon compute
 * waking up, a restart). Opening a connection is always safe to repeat; queries are not, so
 * only the connect step is retried here.
 */
export class RetryingPool extends pg.Pool {
	override connect(): Promise<pg.PoolClient>;
	override connect(
		callback: (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
	): void;
	override connect(callback?: Parameters<pg.Pool["connect"]>[0]): Promise<pg.PoolClient> | void {
		// pg-pool's own query() passes a callback; keep that path untouched.
		if (callback) return super.connect(callback);
		return withRetry(() => super.connect(), { retries: 3 });
	}
}

/**
 * Settings for Neon (and any Postgres reached over a network): pg ignores `connect_timeout`
 * in the URL, so the 10 s that covers a cold start is set here.
 */
export function createPostgresPool(connectionString: string, onIdleError: (error: Error) => void): RetryingPool {
	const pool = new RetryingPool({
		connectionString,
		max: 10,
		connectionTimeoutMillis: 10_000,
		// Below Neon's 5-minute suspend, so idle connections are closed by us, not killed under us.
		idleTimeoutMillis: 30_000,
		keepAlive: true,
		// A silently dropped connection would otherwise hang a request forever.
		query_timeout: 30_000,
	});
	// Without a listener, an idle client killed by the server crashes the process.
	pool.on("error", onIdleError);
	return pool;
}

import pg from "pg";
import { isConnectionLost, withRetry } from "./transient.js";
import { withVerifiedTls } from "./verified-tls-url.js";

/**
 * A pg Pool whose `connect()` retries while the database is briefly unreachable (a Neon compute
 * restarting refuses or resets connections). Opening a connection is always safe to repeat;
 * queries are not, so only the connect step is retried here. A connect that timed out is not
 * retried: it already waited its 10 s, and a request must not wait 40 s for its 503.
 */
export class RetryingPool extends pg.Pool {
	override connect(): Promise<pg.PoolClient>;
	override connect(
		callback: (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
	): void;
	override connect(callback?: Parameters<pg.Pool["connect"]>[0]): Promise<pg.PoolClient> | void {
		// pg-pool's own query() passes a callback; keep that path untouched.
		if (callback) return super.connect(callback);
		return withRetry(() => super.connect(), { retries: 3, retryOn: isConnectionLost });
	}
}

/**
 * pg-pool uses one `connectionTimeoutMillis` both for opening a connection and for waiting for
 * a free one. They are different things: a connection that takes more than 10 s to open is a
 * dead database (Neon wakes in a few seconds), while waiting a while for a busy pool is normal
 * under a burst. So clients get their own 10 s to connect, and the pool lets a request wait
 * longer before answering "busy".
 */
export const CONNECT_TIMEOUT_MS = 10_000;
export const POOL_WAIT_MS = 60_000;

/**
 * How long a query of the server may go without an answer. Its queries are single-row lookups
 * and writes that take milliseconds; 10 s of silence means the link is dead (a dropped network
 * keeps the socket open and sends nothing). 10 s, like the connect timeout, keeps a request's
 * worst case under the 30 s after which proxies and load balancers give up with their own
 * error, so the client gets our 503 and its reason. Bulk work (the import) keeps 30 s.
 */
export const SERVER_QUERY_TIMEOUT_MS = 10_000;

export class Client extends pg.Client {
	constructor(config: pg.ClientConfig = {}) {
		super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
		// pg-pool listens for 'error' only while a client is idle. A checked-out client whose
		// connection dies (a Neon suspend mid-request) emits 'error' on itself, and with no listener
		// that kills the process. The query in flight already fails with the error, and the pool
		// drops the dead client when it is released, so there is nothing more to do here.
		this.on("error", () => {});
	}

	override query(...args: unknown[]): any {
		const result = (pg.Client.prototype.query as (...args: unknown[]) => unknown).apply(this, args);
		// The promise form is what Kysely (Better Auth) and migrate use; pool.query's callback form
		// destroys the client itself on any error.
		if (result instanceof Promise) result.catch((error) => this.endAfterReadTimeout(error));
		return result;
	}

	/**
	 * After a read timeout pg leaves the unanswered query on the connection and the pool would
	 * hand that connection to the next request, which would wait behind it (forever, if the
	 * link is dead). Ending it makes the pool drop it on release.
	 */
	private endAfterReadTimeout(error: unknown) {
		if (error instanceof Error && error.message === "Query read timeout") this.end().catch(() => {});
	}
}

/**
 * Settings for Neon (and any Postgres reached over a network): pg ignores `connect_timeout`
 * in the URL, so the timeout that covers a cold start is set here.
 */
export function createPostgresPool(
	connectionString: string,
	onIdleError: (error: Error) => void,
	{ queryTimeoutMs = 30_000 }: { queryTimeoutMs?: number } = {},
): RetryingPool {
	const pool = new RetryingPool({
		Client,
		connectionString: withVerifiedTls(connectionString),
		max: 10,
		connectionTimeoutMillis: POOL_WAIT_MS,
		// Below Neon's 5-minute suspend, so idle connections are closed by us, not killed under us.
		idleTimeoutMillis: 30_000,
		keepAlive: true,
		// A silently dropped connection would otherwise hang a request forever.
		query_timeout: queryTimeoutMs,
	});
	// Without a listener, an idle client killed by the server crashes the process.
	pool.on("error", onIdleError);
	return pool;
}

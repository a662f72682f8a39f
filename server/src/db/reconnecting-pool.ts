import type pg from "pg";
import { noteDatabaseError } from "./database-errors.js";
import { isConnectionLost } from "./transient.js";

type Result = pg.QueryResult<any>;

/**
 * The pool as Kysely (so Better Auth) sees it: a read that is not inside a transaction and whose
 * connection died under it is run once more on a fresh connection. After a Neon suspend the pool
 * may hold connections that are already dead; without this, every one of them costs a failed
 * session check. Reads change nothing, so running one twice is safe; writes and anything inside
 * a transaction are never repeated.
 */
export function reconnectingPool(pool: pg.Pool): pg.Pool {
	return {
		connect: async () => {
			try {
				return new ReconnectingClient(pool, await pool.connect());
			} catch (error) {
				noteDatabaseError(error);
				throw error;
			}
		},
		end: () => pool.end(),
	} as unknown as pg.Pool;
}

class ReconnectingClient {
	private inTransaction = false;

	constructor(
		private readonly pool: pg.Pool,
		private client: pg.PoolClient | undefined,
	) {}

	async query(text: string, values: unknown[]): Promise<Result> {
		const statement = text.trimStart().slice(0, 20).toLowerCase();
		if (statement.startsWith("begin") || statement.startsWith("start transaction")) this.inTransaction = true;
		try {
			// Several pooled connections may have died at once: a fresh one is tried at most twice.
			for (let attempt = 1; ; attempt++) {
				try {
					return await this.client!.query(text, values);
				} catch (error) {
					if (attempt > 2 || this.inTransaction || !statement.startsWith("select") || !isConnectionLost(error)) {
						// Better Auth may catch it and answer 500 or 401: the request scope remembers the outage.
						noteDatabaseError(error);
						throw error;
					}
					const dead = this.client!;
					this.client = undefined;
					dead.release(error as Error);
					this.client = await this.pool.connect();
				}
			}
		} finally {
			if (statement.startsWith("commit") || statement.startsWith("rollback")) this.inTransaction = false;
		}
	}

	release(destroy?: boolean) {
		this.client?.release(destroy);
	}
}

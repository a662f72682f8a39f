import { AsyncLocalStorage } from "node:async_hooks";
import { Kysely, PostgresDialect, type Transaction, type TransactionBuilder } from "kysely";
import type pg from "pg";
import { reconnectingPool } from "./reconnecting-pool.js";

const currentTransaction = new AsyncLocalStorage<Transaction<any>>();

/**
 * The Kysely instance Better Auth runs on. It remembers the transaction in progress so that the
 * app's own writes (the profile at sign-up) join Better Auth's transaction: user, account and
 * profile commit together or not at all, on the one connection that transaction holds.
 */
class TrackedKysely extends Kysely<any> {
	override transaction(): TransactionBuilder<any> {
		const builder = super.transaction();
		// Better Auth only ever calls `db.transaction().execute(callback)`.
		return {
			execute: (callback: (trx: Transaction<any>) => Promise<unknown>) =>
				builder.execute((trx) => currentTransaction.run(trx, () => callback(trx))),
		} as unknown as TransactionBuilder<any>;
	}
}

export function createKysely(pool: pg.Pool): Kysely<any> {
	return new TrackedKysely({ dialect: new PostgresDialect({ pool: reconnectingPool(pool) }) });
}

/** The Better Auth transaction this code runs inside, if any. */
export function getCurrentTransaction(): Transaction<any> | undefined {
	return currentTransaction.getStore();
}

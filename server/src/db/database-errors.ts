import { AsyncLocalStorage } from "node:async_hooks";
import { isTransientDatabaseError } from "./transient.js";

const scope = new AsyncLocalStorage<{ error?: unknown }>();

/**
 * Runs `work` (one HTTP request) in a scope that remembers the first transient database error
 * raised inside it. Libraries may catch such an error and answer with their own status instead:
 * Better Auth turns a failed session lookup into 500 "Failed to get session", or into 401 when
 * a route needs a session. The scope lets the app tell "the database is down" from those answers.
 */
export function withDatabaseErrorScope<T>(work: () => T): T {
	return scope.run({}, work);
}

/** Called where a database error may be caught before it reaches the app (reconnecting-pool.ts). */
export function noteDatabaseError(error: unknown): void {
	const store = scope.getStore();
	if (store && store.error === undefined && isTransientDatabaseError(error)) store.error = error;
}

/** The transient database error the current request ran into, if any. */
export function transientDatabaseErrorSeen(): unknown {
	return scope.getStore()?.error;
}

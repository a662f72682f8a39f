/**
 * Errors that mean "the database was briefly unreachable", not "the query was wrong":
 * what Neon's scale-to-zero, a restart or a network blip produce. Work that is safe to repeat
 * may be retried on these; anything else must surface at once.
 */
export function isTransientDatabaseError(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	const { code } = error as { code?: unknown };
	if (typeof code === "string") {
		// 08xxx connection exceptions; 57P01-57P03 admin shutdown, crash shutdown, cannot connect now.
		if (code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03") return true;
		if (["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "ENOENT"].includes(code)) {
			return true;
		}
	}
	return /Connection terminated|timeout expired|Query read timeout|Client has encountered a connection error/i.test(error.message);
}

/**
 * The connection died under the query (it was killed, reset or closed): another connection may
 * well work at once. Timeouts are not this: trying again would only wait again.
 */
export function isConnectionLost(error: unknown): boolean {
	return isTransientDatabaseError(error) && !/timeout|ETIMEDOUT/i.test(`${(error as Error).message} ${(error as { code?: unknown }).code}`);
}

/**
 * Every pooled connection stayed busy for as long as a request may wait for one: the server is
 * overloaded. Worth a 503, not a retry (retrying would only queue the request again).
 */
export function isPoolExhausted(error: unknown): boolean {
	return error instanceof Error && error.message === "timeout exceeded when trying to connect";
}

export interface RetryOptions {
	/** Attempts after the first. @default 4 */
	retries?: number;
	/** First wait; doubles each time. @default 200 */
	initialDelayMs?: number;
	/** Called before each wait, e.g. to log. */
	onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
	/** Which errors are worth another attempt. @default isTransientDatabaseError */
	retryOn?: (error: unknown) => boolean;
}

/** Runs idempotent database work again, with exponential backoff, when it fails transiently. */
export async function withRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
	const { retries = 4, initialDelayMs = 200, onRetry, retryOn = isTransientDatabaseError } = options;
	for (let attempt = 1; ; attempt++) {
		try {
			return await work();
		} catch (error) {
			if (attempt > retries || !retryOn(error)) throw error;
			const delayMs = initialDelayMs * 2 ** (attempt - 1);
			onRetry?.(error, attempt, delayMs);
			await new Promise((resolve) => setTimeout(resolve, delayMs));
		}
	}
}

import type { RequestHandler } from "express";
import type pg from "pg";
import { isConnectionLost, withRetry } from "../db/transient.js";
import { sendError } from "./http-error.js";

/** 200 when the database answers within 3 s, 503 with the reason when it does not. */
export function health(pool: pg.Pool, notReadyReason: () => string | undefined): RequestHandler {
	return async (_req, res) => {
		res.setHeader("cache-control", "no-store");
		const reason = notReadyReason();
		if (reason) return sendError(res, 503, "NOT_READY", reason);
		try {
			// A pooled connection that died since its last use says nothing about the database now: one more try.
			await withRetry(() => pool.query({ text: "SELECT 1", query_timeout: 3000 } as never), { retries: 1, initialDelayMs: 0, retryOn: isConnectionLost });
			res.json({ status: "ok", database: "ok" });
		} catch (error) {
			sendError(res, 503, "DATABASE_UNAVAILABLE", `The database does not answer: ${(error as Error).message}`);
		}
	};
}

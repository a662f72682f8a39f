import { Router, type RequestHandler } from "express";
import type pg from "pg";
import { type RetryOptions, isConnectionLost, withRetry } from "../db/transient.js";
import { HttpError } from "../http/http-error.js";
import { parseProfile } from "./profile-fields.js";
import { onPool, readProfile, writeProfile } from "./profile-store.js";

/**
 * Retried when the connection died under the statement, not after a timeout: each attempt
 * would wait the whole query timeout again, keeping the user waiting for a minute.
 */
const RETRY: RetryOptions = { retryOn: isConnectionLost };

/** `GET` and `PUT /api/profile` for the signed-in user (`requireAuth` runs first). */
export function profileRoutes(pool: pg.Pool, requireAuth: RequestHandler): Router {
	const run = onPool(pool);
	return Router()
		.use(requireAuth)
		.get("/", async (req, res) => {
			res.json(await withRetry(() => readProfile(run, req.auth!.id), RETRY));
		})
		.put("/", async (req, res) => {
			if (!req.is("application/json")) {
				throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the profile as a JSON object (Content-Type: application/json).");
			}
			const result = parseProfile(req.body);
			if (!result.ok) {
				const { code, field, message } = result.error;
				return void res.status(400).json({ code, field, message });
			}
			// Replacing the whole answer set is idempotent, so a transient failure may be retried.
			try {
				res.json(await withRetry(() => writeProfile(run, req.auth!.id, result.profile), RETRY));
			} catch (error) {
				// A JWT outlives its user: the row it points at is gone.
				if ((error as { code?: string }).code === "23503") {
					throw new HttpError(401, "USER_NOT_FOUND", "This account no longer exists; sign in again.");
				}
				throw error;
			}
		})
		.all("/", (req) => {
			throw new HttpError(405, "METHOD_NOT_ALLOWED", `${req.method} is not supported here; use GET or PUT.`);
		});
}

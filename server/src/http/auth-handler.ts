import { getRequest, setResponse } from "better-call/node";
import type { RequestHandler } from "express";
import type { Auth } from "../auth/create-auth.js";
import { transientDatabaseErrorSeen } from "../db/database-errors.js";
import { BODY_LIMIT_BYTES, tooLarge } from "./http-error.js";

/**
 * Better Auth's handler for Express, like `toNodeHandler` but with a body limit (the stock one
 * reads any size), the public origin as the request's base instead of the Host header, and
 * `{ code, message }` for rate-limit answers and database outages. Mount it before any body parser.
 */
export function authHandler(auth: Auth, baseURL: string): RequestHandler {
	return async (req, res, next) => {
		if (Number(req.headers["content-length"]) > BODY_LIMIT_BYTES) return tooLarge(res);
		try {
			const response = await auth.handler(getRequest({ base: baseURL, request: req, bodySizeLimit: BODY_LIMIT_BYTES }));
			// Better Auth catches some database errors and answers on its own: 500 "Failed to get
			// session", or 401 where a session was needed and could not be read. When the database
			// failed during this request, a failure is its fault: let the error handler say 503.
			const outage = response.status >= 400 && response.status !== 429 ? transientDatabaseErrorSeen() : undefined;
			if (outage) return next(outage);
			await setResponse(res, response.status === 429 ? explainRateLimit(response) : response);
		} catch (error) {
			next(error);
		}
	};
}

function explainRateLimit(response: Response): Response {
	const seconds = Math.max(1, Number(response.headers.get("x-retry-after")) || 1);
	const headers = new Headers(response.headers);
	headers.set("content-type", "application/json");
	headers.delete("content-length");
	headers.set("retry-after", String(seconds));
	return new Response(
		JSON.stringify({
			code: "RATE_LIMITED",
			message: `Too many attempts; try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
			retryAfter: seconds,
		}),
		{ status: 429, headers },
	);
}

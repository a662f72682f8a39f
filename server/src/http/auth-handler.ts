import { fromNodeHeaders } from "better-auth/node";
import { getRequest, setResponse } from "better-call/node";
import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction, RequestHandler } from "express";
import type { Auth } from "../auth/create-auth.js";
import { transientDatabaseErrorSeen } from "../db/database-errors.js";
import { BODY_LIMIT_BYTES, tooLarge } from "./http-error.js";
import { readBody } from "./read-body.js";

/**
 * Better Auth's handler for Express, like `toNodeHandler` but with a body limit that holds for
 * chunked bodies too (the stock one reads any size, and better-call's own limit reads a refused
 * body to its end), the public origin as the request's base instead of the Host header,
 * `{ code, message }` for every error answer, and 503 for database outages Better Auth caught.
 * Mount it before any body parser.
 */
export function authHandler(auth: Auth, baseURL: string): RequestHandler {
	return async (req, res, next) => {
		try {
			let body: Buffer | undefined;
			if (carriesBody(req)) {
				const read = await readBody(req, BODY_LIMIT_BYTES);
				if (read.kind === "too-large") return tooLarge(res);
				if (read.kind === "aborted") return; // the client went away: no one is left to answer
				body = read.bytes;
			}
			let request = getRequest({ base: baseURL, request: req });
			// Bytes, not a string: a string body would gain a text/plain type the client never sent.
			if (body?.length) request = new Request(request, { body: new Uint8Array(body), duplex: "half" } as RequestInit);
			await answer(req, res, next, await auth.handler(request));
		} catch (error) {
			next(error);
		}
	};
}

/**
 * `get-session`, the call every page makes, straight to its endpoint. Better Auth's handler
 * builds its whole router (every endpoint, every route) for each request it serves: a third of
 * a session check's work. Called directly, the endpoint still runs its plugins' hooks
 * (bearer tokens, cookie refresh) and answers with the same Response. Get-session has no rate
 * limit and no origin check to skip (create-auth.ts; origins are checked on state changes only).
 * What this skips is the router's onRequest/onResponse: revisit it if a plugin with those hooks,
 * or `disabledPaths`, is ever added.
 */
export function sessionHandler(auth: Auth): RequestHandler {
	return async (req, res, next) => {
		try {
			const headers = fromNodeHeaders(req.headers);
			const response = await auth.api.getSession({ headers, query: req.query as Record<string, string>, asResponse: true });
			await answer(req, res, next, response);
		} catch (error) {
			next(error);
		}
	};
}

async function answer(req: ExpressRequest, res: ExpressResponse, next: NextFunction, response: Response) {
	// Better Auth catches some database errors and answers on its own: 500 "Failed to get
	// session", or 401 where a session was needed and could not be read. When the database
	// failed during this request, a failure is its fault: let the error handler say 503.
	const outage = response.status >= 400 && response.status !== 429 ? transientDatabaseErrorSeen() : undefined;
	if (outage) {
		await response.body?.cancel();
		return next(outage);
	}
	await setResponse(res, await explainError(req, response));
}

function carriesBody(req: ExpressRequest): boolean {
	if (req.method === "GET" || req.method === "HEAD") return false;
	return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"]) > 0;
}

/** Better Auth answers rate limits with its own shape, and unknown routes and methods with no body at all. */
async function explainError(req: ExpressRequest, response: Response): Promise<Response> {
	if (response.status === 429) return explainRateLimit(response);
	if (response.status < 400 || response.headers.get("content-type")?.includes("application/json")) return response;
	await response.body?.cancel();
	const headers = new Headers(response.headers);
	headers.set("content-type", "application/json");
	headers.delete("content-length");
	const [code, message] =
		response.status === 404
			? ["NOT_FOUND", `There is nothing at ${req.method} ${req.path}.`]
			: ["REQUEST_REFUSED", `The request was refused (${response.status}).`];
	return new Response(JSON.stringify({ code, message }), { status: response.status, headers });
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

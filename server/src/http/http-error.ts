import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import { transientDatabaseErrorSeen } from "../db/database-errors.js";
import { isPoolExhausted, isTransientDatabaseError } from "../db/transient.js";
import type { Logger } from "../logger.js";

/** An error whose status, code and message are meant for the client. */
export class HttpError extends Error {
	override name = "HttpError";
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

export const BODY_LIMIT_BYTES = 64 * 1024;

export function sendError(res: Response, status: number, code: string, message: string) {
	res.status(status).json({ code, message });
}

export const notFound: RequestHandler = (req, res) =>
	sendError(res, 404, "NOT_FOUND", `There is nothing at ${req.method} ${req.path}.`);

/** Every error becomes JSON `{ code, message }`; no stack trace ever reaches a client. */
export function errorHandler(log: Logger): ErrorRequestHandler {
	return (error, req, res, next) => {
		if (res.headersSent) return next(error);
		if (error instanceof HttpError) return sendError(res, error.status, error.code, error.message);
		const type = (error as { type?: unknown }).type;
		if (type === "entity.parse.failed") return sendError(res, 400, "INVALID_JSON", "The request body is not valid JSON.");
		if (type === "entity.too.large") return tooLarge(res);
		if (type === "encoding.unsupported" || type === "charset.unsupported") {
			return sendError(res, 415, "UNSUPPORTED_ENCODING", "Send the body as UTF-8 JSON.");
		}
		const status = (error as { status?: unknown }).status;
		if (typeof status === "number" && status >= 400 && status < 500) {
			return sendError(res, status, "BAD_REQUEST", "The request is malformed (check its URL encoding and body).");
		}
		if (isUnstorableText(error)) {
			return sendError(res, 400, "INVALID_TEXT", "The request holds a character that can't be stored (such as NUL); remove it and try again.");
		}
		if (isPoolExhausted(error)) {
			log.warn(`${req.method} ${req.path}: every database connection stayed busy; answering 503`);
			return sendError(res, 503, "SERVER_BUSY", "The server is too busy right now; try again in a few seconds.");
		}
		// Also when the error is Better Auth's own 500 for a database error it caught (requireAuth's getSession).
		const outage = isTransientDatabaseError(error) ? error : transientDatabaseErrorSeen();
		if (outage) {
			log.warn(`${req.method} ${req.path}: database unavailable (${(outage as Error).message})`);
			return sendError(res, 503, "DATABASE_UNAVAILABLE", "The database is not reachable right now; try again in a few seconds.");
		}
		log.error(`${req.method} ${req.path} failed`, error);
		sendError(res, 500, "INTERNAL_ERROR", "Something went wrong on our side; try again, and tell the site owner if it keeps happening.");
	};
}

/**
 * 413, then the connection is closed: Node would otherwise read (and throw away) the rest of the
 * body to keep the connection alive, which for a chunked upload is as long as the client likes.
 */
export function tooLarge(res: Response) {
	res.setHeader("connection", "close");
	sendError(res, 413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${BODY_LIMIT_BYTES / 1024} KB.`);
}

/**
 * Postgres refusing a value for its characters (a NUL in a token, say): the client's input, never
 * the server's fault. 22021 character_not_in_repertoire (also "invalid byte sequence"), 22P05 untranslatable_character.
 */
export function isUnstorableText(error: unknown): boolean {
	const code = (error as { code?: unknown }).code;
	return code === "22021" || code === "22P05";
}

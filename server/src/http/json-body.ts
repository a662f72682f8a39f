import type { RequestHandler } from "express";
import { BODY_LIMIT_BYTES, HttpError, tooLarge } from "./http-error.js";
import { readBody } from "./read-body.js";

/**
 * Parses a JSON body into `req.body`, like `express.json()` but answering a body over the limit
 * with 413 at once and closing its connection (see `readBody`). Other content types are left
 * unread for the route to refuse.
 */
export function jsonBody(limit = BODY_LIMIT_BYTES): RequestHandler {
	return async (req, res, next) => {
		if (!req.is("application/json")) return next();
		const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers["content-type"] ?? "")?.[1]?.toLowerCase();
		const encoding = req.headers["content-encoding"]?.toLowerCase() ?? "identity";
		if ((charset && charset !== "utf-8" && charset !== "utf8") || encoding !== "identity") {
			return next(new HttpError(415, "UNSUPPORTED_ENCODING", "Send the body as UTF-8 JSON, uncompressed."));
		}
		const read = await readBody(req, limit);
		if (read.kind === "too-large") return tooLarge(res);
		if (read.kind === "aborted") return; // the client went away: no one is left to answer
		const text = read.bytes.toString("utf8");
		if (text.trim() === "") return next();
		try {
			req.body = JSON.parse(text);
		} catch {
			return next(new HttpError(400, "INVALID_JSON", "The request body is not valid JSON."));
		}
		next();
	};
}

import type { RequestHandler } from "express";
import { sendError } from "./http-error.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses any state-changing request whose `Origin` is not trusted. Better Auth checks origins
 * only on some routes when no cookie is sent (sign-up from another site passed); a page on an
 * unknown site has no business posting here at all. Requests without an Origin (servers, curl)
 * pass; cookie-carrying ones are checked again downstream.
 */
export function originGuard(trustedOrigins: string[]): RequestHandler {
	const trusted = new Set(trustedOrigins);
	return (req, res, next) => {
		const origin = req.headers.origin;
		// A CORS preflight asks leave for a state-changing request: refused here, not merely left unanswered.
		const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
		if ((SAFE_METHODS.has(req.method) && !preflight) || origin === undefined || trusted.has(origin)) return next();
		sendError(res, 403, "INVALID_ORIGIN", `Requests from ${origin} are not allowed; add it to TRUSTED_ORIGINS if it is your site.`);
	};
}

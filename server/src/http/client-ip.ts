import type { RequestHandler } from "express";
import { CLIENT_IP_HEADER } from "../auth/create-auth.js";

/**
 * Better Auth reads the client IP only from headers. Without this, a server reached directly has
 * no IP to key rate limits on (every client shares one bucket), and one behind a proxy trusts
 * whatever `X-Forwarded-For` says. Here the IP comes from Express' `trust proxy` rules (or from
 * a header the platform overwrites), and is written to a header the client cannot set.
 */
export function clientIp(platformHeader: string | undefined): RequestHandler {
	return (req, _res, next) => {
		const fromPlatform = platformHeader ? req.headers[platformHeader] : undefined;
		const ip = (typeof fromPlatform === "string" ? fromPlatform.trim() : undefined) || req.ip;
		if (ip) req.headers[CLIENT_IP_HEADER] = ip;
		else delete req.headers[CLIENT_IP_HEADER];
		next();
	};
}

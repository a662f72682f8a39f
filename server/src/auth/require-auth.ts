import type { NextFunction, Request, RequestHandler, Response } from "express";
import { JwtRejectedError, type JwtVerifier } from "./jwt-verifier.js";

/** Who made the request, set on `req.auth` by `requireAuth`. */
export interface AuthenticatedUser {
	/** The user id (the JWT's `sub`). */
	id: string;
	email: string;
	name: string;
	/**
	 * How the request proved it: the session cookie, a Bearer session token (the kit's token mode),
	 * or a Bearer JWT.
	 */
	via: "session" | "session-token" | "jwt";
}

declare module "express-serve-static-core" {
	interface Request {
		auth?: AuthenticatedUser;
	}
}

export interface RequireAuthOptions {
	/** Verifies `Authorization: Bearer <JWT>`; see `createJwtVerifier`. */
	verifyJwt: JwtVerifier;
	/**
	 * Resolves a session to a user, e.g. Better Auth's `auth.api.getSession`: from the session cookie,
	 * or from `Authorization: Bearer <session token>` (Better Auth's bearer plugin reads it). Omit it
	 * in an API that accepts only JWTs.
	 */
	getSessionUser?: (headers: Headers) => Promise<{ id: string; email: string; name: string } | null>;
	/**
	 * Origins allowed to send cookie-authenticated requests that change state (CSRF). A cookie
	 * request with another `Origin`, or none, on POST/PUT/PATCH/DELETE is refused with 403.
	 */
	trustedOrigins: string[];
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Express middleware: lets the request through when it carries a valid session cookie, a
 * Gatehouse JWT or a session token, and answers 401 `{ code, message }` otherwise. A Bearer token,
 * when present, is the only credential considered: a JWT (three dot-separated parts) is verified
 * against the JWKS, anything else is looked up as a session token.
 */
export function requireAuth({ verifyJwt, getSessionUser, trustedOrigins }: RequireAuthOptions): RequestHandler {
	const trusted = new Set(trustedOrigins);
	return async function requireAuth(req: Request, res: Response, next: NextFunction) {
		try {
			const authorization = req.headers.authorization;
			if (authorization !== undefined) {
				const [scheme, token] = authorization.split(" ");
				if (scheme?.toLowerCase() !== "bearer" || !token) {
					return refuse(res, 401, "UNAUTHORIZED", "The Authorization header must be `Bearer <token>`.");
				}
				if (token.split(".").length !== 3 && getSessionUser) {
					// Not sent by the browser on its own, so no CSRF check: the page's script chose to send it.
					const user = await getSessionUser(new Headers({ authorization: `Bearer ${token}` }));
					if (!user) return refuse(res, 401, "SESSION_INVALID", "This session token is not valid or has expired: sign in again.");
					req.auth = { id: user.id, email: user.email, name: user.name, via: "session-token" };
					return next();
				}
				const payload = await verifyJwt(token);
				req.auth = {
					id: payload.sub,
					email: String(payload.email ?? ""),
					name: String(payload.name ?? ""),
					via: "jwt",
				};
				return next();
			}
			const user = getSessionUser ? await getSessionUser(toHeaders(req)) : null;
			if (!user) return refuse(res, 401, "UNAUTHORIZED", "Sign in first: this needs a session cookie or a Bearer token.");
			if (!SAFE_METHODS.has(req.method) && !trusted.has(req.headers.origin ?? "")) {
				return refuse(res, 403, "INVALID_ORIGIN", "This request did not come from a site allowed to change your data.");
			}
			req.auth = { id: user.id, email: user.email, name: user.name, via: "session" };
			next();
		} catch (error) {
			if (error instanceof JwtRejectedError) return refuse(res, 401, error.code, error.message);
			next(error);
		}
	};
}

function refuse(res: Response, status: number, code: string, message: string) {
	res.status(status).json({ code, message });
}

function toHeaders(req: Request): Headers {
	const headers = new Headers();
	for (const [key, value] of Object.entries(req.headers)) {
		if (Array.isArray(value)) for (const item of value) headers.append(key, item);
		else if (value !== undefined) headers.set(key, value);
	}
	return headers;
}

import cors from "cors";
import express, { type Express } from "express";
import type pg from "pg";
import type { Auth } from "../auth/create-auth.js";
import { createJwtVerifier } from "../auth/jwt-verifier.js";
import { requireAuth } from "../auth/require-auth.js";
import type { Config } from "../config.js";
import { withDatabaseErrorScope } from "../db/database-errors.js";
import type { DevOutbox } from "../email/dev-outbox.js";
import type { Logger } from "../logger.js";
import { profileRoutes } from "../profile/profile-routes.js";
import { authHandler, sessionHandler } from "./auth-handler.js";
import { clientIp } from "./client-ip.js";
import { health } from "./health.js";
import { jsonBody } from "./json-body.js";
import { originGuard } from "./origin-guard.js";
import { HASHING_ROUTES, passwordGate } from "./password-gate.js";
import { staticSite } from "./static-site.js";
import { errorHandler, notFound, sendError } from "./http-error.js";

export interface AppOptions {
	config: Pick<Config, "baseURL" | "trustedOrigins" | "trustProxy" | "clientIpHeader">;
	auth: Auth;
	pool: pg.Pool;
	log: Logger;
	/** Why the server can't serve yet (database still unreachable at start), or undefined when ready. */
	notReadyReason?: () => string | undefined;
	/** A built front end to serve at `/` (the demo). */
	staticDir?: string;
	/** Development only: the outbox whose mail is listed at /dev/outbox. */
	outbox?: DevOutbox;
}

/**
 * The HTTP app, top to bottom: health, CORS (before the auth handler, or preflights 404), the
 * client IP, Better Auth (before any body parser), then the app's own JSON routes. Builds
 * everything from its arguments; does no I/O until a request comes.
 */
export function createApp({ config, auth, pool, log, notReadyReason = () => undefined, staticDir, outbox }: AppOptions): Express {
	const trustedOrigins = [config.baseURL, ...config.trustedOrigins];
	const app = express();
	app.disable("x-powered-by");
	app.set("etag", false); // API answers are no-store; hashing each body buys nothing
	app.set("trust proxy", config.trustProxy);
	// Each request remembers a database outage it ran into, even one a library caught (http-error.ts).
	app.use((_req, _res, next) => withDatabaseErrorScope(next));
	// Over https (TLS usually ends at a proxy in front), browsers are told to never try plain http.
	const hsts = config.baseURL.startsWith("https://");
	app.use((_req, res, next) => {
		res.setHeader("x-content-type-options", "nosniff");
		res.setHeader("referrer-policy", "strict-origin-when-cross-origin");
		res.setHeader("x-frame-options", "DENY");
		if (hsts) res.setHeader("strict-transport-security", "max-age=31536000");
		next();
	});

	app.get("/health", health(pool, notReadyReason));
	// Unknown origins get no CORS header at all (the stock list form still sends Allow-Credentials).
	const trusted = new Set(trustedOrigins);
	const corsForTrusted = cors((req, done) => done(null, { origin: trusted.has(req.headers.origin ?? ""), credentials: true, maxAge: 600 }));
	app.use("/api", corsForTrusted, (_req, res, next) => {
		res.setHeader("cache-control", "no-store");
		// Answers here are JSON, save Better Auth's error page (inline styles only): should a browser
		// render one as a page, it may run no script and load nothing.
		res.setHeader("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
		const reason = notReadyReason();
		if (reason) return sendError(res, 503, "NOT_READY", reason);
		next();
	}, originGuard(trustedOrigins));
	app.use("/api/auth", clientIp(config.clientIpHeader));
	app.use(HASHING_ROUTES, passwordGate());
	app.get("/api/auth/get-session", sessionHandler(auth));
	app.all("/api/auth/*splat", authHandler(auth, config.baseURL));

	app.use(jsonBody());
	const verifyJwt = createJwtVerifier({
		jwks: () => auth.api.getJwks(),
		issuer: config.baseURL,
		audience: config.baseURL,
	});
	const signedIn = requireAuth({
		verifyJwt,
		getSessionUser: async (headers) => (await auth.api.getSession({ headers }))?.user ?? null,
		trustedOrigins,
	});
	app.use("/api/profile", profileRoutes(pool, signedIn));
	if (outbox) app.get("/dev/outbox", outbox.page);

	if (staticDir) app.use(staticSite(staticDir));
	app.use(notFound);
	app.use(errorHandler(log));
	return app;
}

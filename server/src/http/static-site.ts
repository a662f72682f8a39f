import { join } from "node:path";
import express, { type Router } from "express";

/** Security headers for the pages we serve: only our own scripts, styles and API. */
const CONTENT_SECURITY_POLICY = [
	"default-src 'self'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data: https:",
	"connect-src 'self'",
	"font-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'",
].join("; ");

/**
 * Serves a built single-page app (the demo): its files, and its index.html for any other page
 * a browser asks for (`/sign-in`, `/protected`), so deep links and reloads work.
 */
export function staticSite(dir: string): Router {
	const index = join(dir, "index.html");
	const router = express.Router();
	router.use((req, res, next) => {
		// The API's answers keep their own, stricter policy.
		if (req.path.startsWith("/api/")) return next("router");
		res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
		res.setHeader("cross-origin-opener-policy", "same-origin");
		next();
	});
	router.use(express.static(dir, { index: false, maxAge: "1h" }));
	router.get("/{*page}", (req, res, next) => {
		if (!req.accepts("html")) return next();
		res.setHeader("cache-control", "no-cache");
		res.sendFile(index);
	});
	return router;
}

import type { RequestHandler } from "express";
import { sendError } from "./http-error.js";

/** Routes that hash a password inside Better Auth's transaction, holding a database connection. */
export const HASHING_ROUTES = ["/api/auth/sign-up/email", "/api/auth/reset-password", "/api/auth/change-password"];

/**
 * Hashing a password (scrypt) is the slowest thing the server does, and Better Auth does it for
 * sign-up inside the transaction. A burst of sign-ups would hold every pooled connection while
 * waiting for CPU, and session checks for everyone else would wait behind them. So only as many
 * hashing requests as libuv can hash at once get in; the rest wait here, holding nothing. A very
 * long queue answers 503.
 */
export function passwordGate(concurrency = Number(process.env.UV_THREADPOOL_SIZE) || 4, maxQueue = 2000): RequestHandler {
	let active = 0;
	const queue: (() => void)[] = [];
	const release = () => {
		active--;
		queue.shift()?.();
	};
	return (req, res, next) => {
		if (req.method !== "POST") return next();
		const enter = () => {
			active++;
			res.once("close", release);
			next();
		};
		if (active < concurrency) return enter();
		if (queue.length >= maxQueue) {
			res.setHeader("retry-after", "5");
			return sendError(res, 503, "SERVER_BUSY", "The server is too busy right now; try again in a few seconds.");
		}
		queue.push(enter);
		// A client that gives up while waiting leaves the queue.
		res.once("close", () => {
			const index = queue.indexOf(enter);
			if (index >= 0) queue.splice(index, 1);
		});
	};
}

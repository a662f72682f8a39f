import { betterAuth } from "better-auth";
import { bearer, jwt } from "better-auth/plugins";
import type { Kysely } from "kysely";
import type { Config } from "../config.js";
import type { Mailer } from "../email/mailer.js";
import { localeOf, resetPasswordEmail, verifyEmailEmail } from "../email/messages.js";
import { isUnstorableText } from "../http/http-error.js";
import type { Logger } from "../logger.js";
import { profile } from "../profile/profile-plugin.js";
import { legacyAwarePassword, legacyPasswordUpgrade } from "./legacy-password.js";
import { oneUserPerEmail } from "./one-user-per-email.js";

/** Set from the socket or the configured proxy header before Better Auth sees the request. */
export const CLIENT_IP_HEADER = "x-gatehouse-client-ip";

export type AuthConfig = Pick<
	Config,
	"baseURL" | "secret" | "trustedOrigins" | "cookieSameSite" | "sessionCookieCacheSeconds" | "requireEmailVerification"
> &
	// Optional for callers that only need the schema (the import, the migrate command).
	Partial<Pick<Config, "production">>;

/** JWTs live a week; `get-session` does not mint one (clients ask `/api/auth/token` when they need one). */
export const JWT_LIFETIME = "7d";

/**
 * Better Auth, configured for Gatehouse. Without a `mailer` (the migrate command, which only needs
 * the schema) password reset and email verification are not offered.
 */
export function createAuth(config: AuthConfig, kysely: Kysely<any>, log: Logger, mailer?: Mailer) {
	return betterAuth({
		appName: "Gatehouse",
		baseURL: config.baseURL,
		secret: config.secret,
		trustedOrigins: config.trustedOrigins,
		database: { db: kysely, type: "postgres", transaction: true },
		emailAndPassword: {
			enabled: true,
			minPasswordLength: 8,
			maxPasswordLength: 128,
			requireEmailVerification: config.requireEmailVerification,
			// Queued, never awaited: the answer (and its timing) is the same whether or not the address exists.
			sendResetPassword: mailer && (async ({ user, url }, request) => mailer.send(resetPasswordEmail(localeOf(request), user.email, user.name, url))),
			resetPasswordTokenExpiresIn: 3600,
			revokeSessionsOnPasswordReset: true,
			// Users imported from Supabase keep their bcrypt passwords until their first sign-in.
			password: legacyAwarePassword,
		},
		emailVerification: {
			sendVerificationEmail: mailer && (async ({ user, url }, request) => mailer.send(verifyEmailEmail(localeOf(request), user.email, user.name, url))),
			sendOnSignUp: config.requireEmailVerification,
			autoSignInAfterVerification: true,
			expiresIn: 3600,
		},
		session: config.sessionCookieCacheSeconds
			? { cookieCache: { enabled: true, maxAge: config.sessionCookieCacheSeconds } }
			: {},
		rateLimit: {
			enabled: true,
			// Shared by every instance on the same database.
			storage: "database",
			window: 60,
			max: 100,
			customRules: {
				"/sign-in/email": { window: 60, max: 10 },
				"/sign-up/email": { window: 60, max: 10 },
				// Cheap reads: a database-backed counter would cost more than the read it guards.
				"/get-session": false,
				"/jwks": false,
			},
		},
		advanced: {
			// get-session then reads session and user in one query instead of two.
			database: { joins: true },
			ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
			// Said here rather than left to Better Auth's guess from NODE_ENV: config refuses plain
			// http in production except on loopback, where browsers keep Secure cookies too.
			useSecureCookies: config.production === true || config.baseURL.startsWith("https://"),
			defaultCookieAttributes:
				config.cookieSameSite === "none"
					? { sameSite: "none", secure: true, partitioned: true }
					: { sameSite: config.cookieSameSite },
		},
		// Let errors that are not Better Auth's own reach the app's error handler (503 when the
		// database is down, a JSON body always) instead of a bare 500.
		onAPIError: { throw: true },
		logger: {
			level: "warn",
			log: (level, message, ...details) => betterAuthLine(log, level, message, details),
		},
		telemetry: { enabled: false },
		plugins: [
			jwt({
				jwks: { keyPairConfig: { alg: "RS256", modulusLength: 2048 } },
				jwt: {
					issuer: config.baseURL,
					audience: config.baseURL,
					expirationTime: JWT_LIFETIME,
					definePayload: ({ user }) => ({ email: user.email, name: user.name }),
				},
				// The docs' default signs a JWT on every get-session: a key read, a decryption and an
				// RS256 signature per call. Clients fetch one from /token when they need it.
				disableSettingJwtHeader: true,
			}),
			profile(),
			oneUserPerEmail(),
			legacyPasswordUpgrade(),
			// Token mode, for sites on another site than this server (third-party cookies blocked):
			// responses that set the session cookie also carry it in `set-auth-token` (and expose that
			// header to CORS themselves), and `Authorization: Bearer <session token>` is read as the cookie.
			bearer(),
		],
	});
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * Better Auth logs a client's mistakes (a redirect to a foreign site, a NUL in a name) at error
 * level, most with no error attached: left there, anyone could fill the error log an operator is paged
 * on. Those become warnings; a line that carries an Error is a real failure and stays an error.
 * Other details (request bodies, provider payloads) are never printed.
 */
function betterAuthLine(log: Logger, level: string, message: string, details: unknown[]) {
	const failure = details.find((detail) => detail instanceof Error);
	if (level === "error" && failure && !isUnstorableText(failure)) log.error(message, failure);
	else if (level === "error" || level === "warn") log.warn(message);
	else log.info(message);
}

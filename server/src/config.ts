import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { join, resolve } from "node:path";

/** The server's whole configuration, read and validated once at start. */
export interface Config {
	/** `NODE_ENV === "production"`. */
	production: boolean;
	/** Listen port. @default 3005 */
	port: number;
	/** Postgres URL; unset means the embedded database under `dataDir`. */
	databaseUrl: string | undefined;
	/** Better Auth secret, 32+ characters. */
	secret: string;
	/** The server's public origin: cookies, links, and the JWT issuer and audience. */
	baseURL: string;
	/** Front-end origins allowed by CORS (with credentials) and by Better Auth's origin check. */
	trustedOrigins: string[];
	/** Where the embedded database and the development secret live. @default ".data" */
	dataDir: string;
	/**
	 * Express `trust proxy`: which hops may set `X-Forwarded-For`.
	 * `false` means the socket address is the client's.
	 */
	trustProxy: false | number | string[];
	/** A header the platform overwrites with the client IP (`cf-connecting-ip`, `fly-client-ip`). */
	clientIpHeader: string | undefined;
	/** SameSite of the session cookie. @default "lax" */
	cookieSameSite: "lax" | "strict" | "none";
	/** Seconds a signed session cookie may answer `get-session` without the database; 0 = off. */
	sessionCookieCacheSeconds: number;
	/** `smtp://user:pass@host:587` or `smtps://…`; unset: the development outbox (not in production). */
	smtpUrl: string | undefined;
	/** The From of every email. @default "Gatehouse <no-reply@host of BETTER_AUTH_URL>" */
	emailFrom: string;
	/** Refuse sign-in until the email address is verified by a link. @default false */
	requireEmailVerification: boolean;
}

/** A configuration problem, told in one line that names the variable and the fix. */
export class ConfigError extends Error {
	override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

const DEV_ORIGINS = [
	"http://localhost:3000", // Docusaurus
	"http://127.0.0.1:3000",
	"http://localhost:6006", // Storybook
	"http://localhost:5173", // Vite dev server of the demo
];

const SECRET_MIN_LENGTH = 32;

export function loadConfig(env: Env = process.env): Config {
	const production = env.NODE_ENV === "production";
	const port = readPort(env.PORT);
	const dataDir = resolve(blankToUndefined(env.DATA_DIR) ?? ".data");
	const baseURL = readOrigin("BETTER_AUTH_URL", blankToUndefined(env.BETTER_AUTH_URL) ?? `http://localhost:${port || 3005}`);
	if (production && new URL(baseURL).protocol === "http:" && !isLoopback(new URL(baseURL).hostname)) {
		throw new ConfigError(
			`BETTER_AUTH_URL is ${baseURL}, but production needs https: over http passwords and session cookies travel in clear and browsers drop the Secure cookie; give the public https URL (TLS may end at your proxy).`,
		);
	}
	const cookieSameSite = readSameSite(env.COOKIE_SAMESITE);
	if (cookieSameSite === "none" && !baseURL.startsWith("https://")) {
		throw new ConfigError(
			"COOKIE_SAMESITE=none needs an https BETTER_AUTH_URL: browsers drop SameSite=None cookies that are not Secure.",
		);
	}
	const smtpUrl = readServiceUrl("SMTP_URL", env.SMTP_URL, ["smtp:", "smtps:"], "smtp://user:password@smtp.example.com:587 (or smtps:// for port 465)");
	const requireEmailVerification = readBoolean("REQUIRE_EMAIL_VERIFICATION", env.REQUIRE_EMAIL_VERIFICATION);
	if (production && requireEmailVerification && !smtpUrl) {
		throw new ConfigError("REQUIRE_EMAIL_VERIFICATION=true needs SMTP_URL in production: without mail, nobody could verify and sign in.");
	}
	return {
		production,
		port,
		databaseUrl: readServiceUrl("DATABASE_URL", env.DATABASE_URL, ["postgresql:", "postgres:"], "postgresql://user:password@host/db?sslmode=verify-full"),
		secret: readSecret(env.BETTER_AUTH_SECRET, production, dataDir),
		baseURL,
		trustedOrigins: readTrustedOrigins(env.TRUSTED_ORIGINS, production),
		dataDir,
		trustProxy: readTrustProxy(env.TRUST_PROXY),
		clientIpHeader: readHeaderName(env.CLIENT_IP_HEADER),
		cookieSameSite,
		sessionCookieCacheSeconds: readSeconds("SESSION_COOKIE_CACHE", env.SESSION_COOKIE_CACHE),
		smtpUrl,
		emailFrom: blankToUndefined(env.EMAIL_FROM) ?? `Gatehouse <no-reply@${new URL(baseURL).hostname}>`,
		requireEmailVerification,
	};
}

function blankToUndefined(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

/** Browsers treat these as secure contexts, so a Secure cookie over plain http still works there. */
function isLoopback(hostname: string): boolean {
	return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d+){3}$/.test(hostname);
}

function readPort(raw: string | undefined): number {
	const value = blankToUndefined(raw);
	if (value === undefined) return 3005;
	const port = Number(value);
	if (!/^\d+$/.test(value) || port > 65535) {
		throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}".`);
	}
	return port;
}

function readOrigin(name: string, value: string): string {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new ConfigError(`${name} must be an absolute URL like https://auth.example.com, got "${value}".`);
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") {
		throw new ConfigError(`${name} must start with http:// or https://, got "${value}".`);
	}
	if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
		throw new ConfigError(`${name} must be an origin without a path, like https://auth.example.com, got "${value}".`);
	}
	return url.origin;
}

/** An optional URL with one of `protocols`; `example` shows its shape in the error. */
function readServiceUrl(name: string, raw: string | undefined, protocols: string[], example: string): string | undefined {
	const value = blankToUndefined(raw);
	if (value === undefined) return undefined;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new ConfigError(`${name} is not a valid URL: expected ${example} (check for unescaped characters in the password).`);
	}
	if (!protocols.includes(url.protocol)) {
		throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(" or ")}, got "${url.protocol}//…".`);
	}
	if (!url.hostname) throw new ConfigError(`${name} has no host: expected ${example}.`);
	return value;
}

function readSecret(raw: string | undefined, production: boolean, dataDir: string): string {
	const value = blankToUndefined(raw);
	const fix = "generate one with `openssl rand -base64 32`";
	if (value !== undefined) {
		if (value.length < SECRET_MIN_LENGTH) {
			throw new ConfigError(
				`BETTER_AUTH_SECRET is ${value.length} characters; it must be at least ${SECRET_MIN_LENGTH}: ${fix}.`,
			);
		}
		return value;
	}
	if (production) {
		throw new ConfigError(`BETTER_AUTH_SECRET is not set; production needs a stable secret: ${fix}.`);
	}
	return developmentSecret(dataDir);
}

/** Development only: one secret per data directory, made on first start and kept, so sessions and keys survive restarts. */
function developmentSecret(dataDir: string): string {
	const file = join(dataDir, "secret");
	try {
		const stored = readFileSync(file, "utf8").trim();
		if (stored.length >= SECRET_MIN_LENGTH) return stored;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
	}
	const secret = randomBytes(32).toString("base64url");
	mkdirSync(dataDir, { recursive: true });
	writeFileSync(file, `${secret}\n`, { mode: 0o600 });
	return secret;
}

function readTrustedOrigins(raw: string | undefined, production: boolean): string[] {
	const value = blankToUndefined(raw);
	if (value === undefined) return production ? [] : DEV_ORIGINS;
	return value
		.split(",")
		.map((item) => item.trim())
		.filter(Boolean)
		.map((origin) => {
			if (origin.includes("*")) {
				throw new ConfigError(`TRUSTED_ORIGINS lists "${origin}": list each origin exactly, wildcards are not accepted.`);
			}
			return readOrigin("TRUSTED_ORIGINS", origin);
		});
}

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function readTrustProxy(raw: string | undefined): Config["trustProxy"] {
	const value = blankToUndefined(raw);
	if (value === undefined || value === "false" || value === "0") return false;
	if (/^\d+$/.test(value)) return Number(value);
	if (value === "true") {
		throw new ConfigError(
			"TRUST_PROXY=true would let any client pick its own IP: set the number of proxy hops (e.g. 1) or the proxy addresses (e.g. 10.0.0.0/8).",
		);
	}
	return value.split(",").map((item) => {
		const entry = item.trim();
		const address = entry.split("/")[0] ?? "";
		if (!PROXY_NAMES.has(entry) && isIP(address) === 0) {
			throw new ConfigError(
				`TRUST_PROXY lists "${entry}": use a hop count, IP addresses or CIDR ranges, or loopback/linklocal/uniquelocal.`,
			);
		}
		return entry;
	});
}

function readHeaderName(raw: string | undefined): string | undefined {
	const value = blankToUndefined(raw)?.toLowerCase();
	if (value !== undefined && !/^[a-z0-9-]+$/.test(value)) {
		throw new ConfigError(`CLIENT_IP_HEADER must be a header name like cf-connecting-ip, got "${value}".`);
	}
	return value;
}

function readSameSite(raw: string | undefined): Config["cookieSameSite"] {
	const value = blankToUndefined(raw)?.toLowerCase() ?? "lax";
	if (value !== "lax" && value !== "strict" && value !== "none") {
		throw new ConfigError(`COOKIE_SAMESITE must be lax, strict or none, got "${value}".`);
	}
	return value;
}

function readBoolean(name: string, raw: string | undefined): boolean {
	const value = blankToUndefined(raw)?.toLowerCase();
	if (value === undefined || value === "false" || value === "0") return false;
	if (value === "true" || value === "1") return true;
	throw new ConfigError(`${name} must be true or false, got "${value}".`);
}

function readSeconds(name: string, raw: string | undefined): number {
	const value = blankToUndefined(raw);
	if (value === undefined) return 0;
	if (!/^\d+$/.test(value)) throw new ConfigError(`${name} must be a whole number of seconds (0 turns it off), got "${value}".`);
	return Number(value);
}

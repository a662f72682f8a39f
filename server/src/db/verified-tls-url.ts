/** The sslmodes pg 8 treats as verify-full while warning that pg 9 will weaken them to libpq's meaning. */
const ALIASES_OF_VERIFY_FULL = new Set(["prefer", "require", "verify-ca"]);

/**
 * Neon's dashboard hands out `sslmode=require`. pg 8 already verifies such a connection fully,
 * but prints a SECURITY WARNING on start saying so, and pg 9 will stop verifying the certificate.
 * Spelling it `verify-full` keeps today's full check through any upgrade and keeps the warning
 * out of the log. A URL that opts into libpq's meaning (`uselibpqcompat=true`) is left as given.
 */
export function withVerifiedTls(databaseUrl: string): string {
	const url = new URL(databaseUrl);
	const sslmode = url.searchParams.get("sslmode");
	if (!sslmode || !ALIASES_OF_VERIFY_FULL.has(sslmode) || url.searchParams.get("uselibpqcompat") === "true") return databaseUrl;
	url.searchParams.set("sslmode", "verify-full");
	return url.toString();
}

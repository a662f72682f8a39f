import { withVerifiedTls } from "./verified-tls-url.js";

/** `postgresql://user@host:port/db (TLS verify-full)`, password left out; the TLS mode as the pool uses it. */
export function describeUrl(databaseUrl: string): string {
	const url = new URL(withVerifiedTls(databaseUrl));
	const sslmode = url.searchParams.get("sslmode");
	const user = url.username ? `${decodeURIComponent(url.username)}@` : "";
	const tls = sslmode && sslmode !== "disable" ? ` (TLS ${sslmode})` : " (no TLS)";
	return `postgresql://${user}${url.host}${url.pathname}${tls}`;
}

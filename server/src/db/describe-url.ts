/** `postgresql://user@host:port/db (TLS verify-full)`, password left out. */
export function describeUrl(databaseUrl: string): string {
	const url = new URL(databaseUrl);
	const sslmode = url.searchParams.get("sslmode");
	const user = url.username ? `${decodeURIComponent(url.username)}@` : "";
	const tls = sslmode && sslmode !== "disable" ? ` (TLS ${sslmode})` : " (no TLS)";
	return `postgresql://${user}${url.host}${url.pathname}${tls}`;
}

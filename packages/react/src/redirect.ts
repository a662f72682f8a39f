const PROBE_ORIGIN = "https://gatehouse.invalid";

/**
 * `target` when it is a path on this site, else `fallback`. Refuses absolute URLs,
 * protocol-relative ones (`//evil.example`), backslash tricks (`/\evil`, which browsers read as
 * `//evil`), `javascript:` and anything with control characters.
 */
export function safeRedirectPath(target: unknown, fallback: string): string {
	if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//")) return fallback;
	if (/[\\\u0000-\u001f\u007f]/.test(target)) return fallback;
	try {
		const url = new URL(target, PROBE_ORIGIN);
		if (url.origin !== PROBE_ORIGIN) return fallback;
		return url.pathname + url.search + url.hash;
	} catch {
		return fallback;
	}
}

/** The `redirectTo` query parameter of the current page (call from events and effects only). */
export function redirectParam(): string | null {
	return new URLSearchParams(window.location.search).get("redirectTo");
}

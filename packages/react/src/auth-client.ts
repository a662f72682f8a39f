import { createAuthClient } from "better-auth/client";
import { jwtClient } from "better-auth/client/plugins";
import type { SessionTokenStore } from "./session-token.js";

/**
 * How the browser proves who it is to the auth server.
 * - `cookie`: Better Auth's HttpOnly session cookie (scripts can't read it). For a site and an
 *   auth server on the same site (`docs.example.com` and `auth.example.com`).
 * - `token`: the session token, kept in `localStorage` and sent as `Authorization: Bearer`. For a
 *   site and an auth server on different sites, where browsers block third-party cookies. Needs
 *   the server's `bearer` plugin. Any script on the page can read the token.
 */
export type SessionMode = "cookie" | "token";

export interface GatehouseClientOptions {
	/** Token mode when set: where the session token lives. Unset: cookie mode. */
	sessionToken?: SessionTokenStore;
}

/**
 * The Better Auth client the kit talks through. The vanilla client, not `better-auth/react`:
 * the kit keeps session state in React Query, so the client's own React store would be a
 * second source of truth (and a second get-session).
 */
export function createGatehouseClient(baseURL: string, { sessionToken }: GatehouseClientOptions = {}) {
	return createAuthClient({
		baseURL,
		plugins: [jwtClient()],
		fetchOptions: sessionToken ? tokenModeFetchOptions(sessionToken) : {},
	});
}

/**
 * The server's bearer plugin answers every response that sets the session cookie with a
 * `set-auth-token` header; keep it and send it back as `Authorization: Bearer`. No cookies at
 * all: the token is the credential.
 */
function tokenModeFetchOptions(store: SessionTokenStore) {
	return {
		credentials: "omit" as const,
		auth: { type: "Bearer" as const, token: () => store.get() ?? undefined },
		onSuccess: ({ response, request, data }: { response: Response; request: { url: string | URL }; data: unknown }) => {
			const token = response.headers.get("set-auth-token");
			if (token) store.set(token);
			// A stored token the server no longer knows (expired, revoked) is forgotten.
			else if (data === null && String(request.url).split("?")[0]!.endsWith("/get-session")) store.clear();
		},
	};
}

export type AuthClient = ReturnType<typeof createGatehouseClient>;

/** What `get-session` answers for a signed-in user. */
export type Session = NonNullable<Awaited<ReturnType<AuthClient["getSession"]>>["data"]>;
export type User = Session["user"];

/**
 * Sent with requests that make the server write an email, so the email is in the language the
 * visitor reads the page in.
 */
export const localeHeaders = (code: string) => ({ headers: { "x-gatehouse-locale": code } });

/** An absolute URL for a path of this site (for links in emails). Call from events only. */
export const siteURL = (path: string) => new URL(path, window.location.href).href;

import { createAuthClient } from "better-auth/client";
import { jwtClient } from "better-auth/client/plugins";

/**
 * The Better Auth client the kit talks through. The vanilla client, not `better-auth/react`:
 * the kit keeps session state in React Query, so the client's own React store would be a
 * second source of truth (and a second get-session).
 */
export function createGatehouseClient(baseURL: string) {
	return createAuthClient({ baseURL, plugins: [jwtClient()] });
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

import type { QueryClient } from "@tanstack/react-query";
import type { Session } from "./auth-client.js";
import { authKeys } from "./queries.js";
import type { SessionTokenStore } from "./session-token.js";

/** After sign-in or sign-up: the new session replaces the cached one, and everyone re-reads it. */
export async function sessionChanged(queryClient: QueryClient) {
	await queryClient.invalidateQueries({ queryKey: authKeys.session() });
}

/** After sign-out: forget the session and everything derived from it (tokens, profile). */
export function sessionEnded(queryClient: QueryClient, sessionToken: SessionTokenStore | undefined) {
	sessionToken?.clear();
	queryClient.setQueryData<Session | null>(authKeys.session(), null);
	queryClient.removeQueries({ queryKey: [...authKeys.all, "token"] });
	queryClient.removeQueries({ queryKey: [...authKeys.all, "profile"] });
}

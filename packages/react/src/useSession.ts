"use client";
import { useQuery } from "@tanstack/react-query";
import type { Session } from "./auth-client.js";
import { useAuthContext } from "./AuthProvider.js";
import { type AuthRequestError, toAuthRequestError } from "./auth-error.js";
import { sessionQueryOptions } from "./queries.js";

export interface SessionState {
	/** The session and its user, null when signed out, undefined while unknown. */
	session: Session | null | undefined;
	user: Session["user"] | undefined;
	/** True until the first answer: on the server and during hydration it is always true. */
	isPending: boolean;
	isSignedIn: boolean;
	error: AuthRequestError | null;
	refetch: () => void;
}

/** The current session, shared by every component: one get-session per page. */
export function useSession(): SessionState {
	const { client, queryClient } = useAuthContext("useSession");
	const query = useQuery(sessionQueryOptions(client), queryClient);
	return {
		session: query.data,
		user: query.data?.user,
		isPending: query.isPending,
		isSignedIn: !!query.data,
		error: query.error ? toAuthRequestError(query.error) : null,
		refetch: () => void query.refetch(),
	};
}

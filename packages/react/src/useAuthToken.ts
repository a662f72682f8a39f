"use client";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import type { AuthClient } from "./auth-client.js";
import { useAuthContext } from "./AuthProvider.js";
import { toAuthRequestError } from "./auth-error.js";
import { authKeys } from "./queries.js";
import { useSession } from "./useSession.js";

/** Refresh this long before the token expires, so a request never leaves with a dying token. */
const EXPIRY_MARGIN_MS = 60_000;

const tokenQueryOptions = (client: AuthClient, userId: string | undefined) =>
	queryOptions({
		queryKey: authKeys.token(userId),
		queryFn: async () => {
			const { data, error } = await client.token();
			if (error || !data) throw toAuthRequestError(error);
			return { token: data.token, expiresAt: expiryOf(data.token) };
		},
		// Fresh until shortly before `exp`; concurrent callers share one request.
		staleTime: (query) => Math.max(0, (query.state.data?.expiresAt ?? 0) - EXPIRY_MARGIN_MS - Date.now()),
		enabled: !!userId,
	});

function expiryOf(token: string): number {
	try {
		const payload = JSON.parse(atob(token.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/")));
		return payload.exp * 1000;
	} catch {
		return 0;
	}
}

export interface AuthTokenState {
	/** The current JWT, or undefined while signed out or loading. */
	token: string | undefined;
	/** Resolves a JWT that is valid for at least another minute, fetching one if needed. */
	getToken: () => Promise<string>;
	isPending: boolean;
	error: Error | null;
}

/**
 * A JWT for calling other APIs (`Authorization: Bearer …`), verified there against the auth
 * server's JWKS. Cached until a minute before it expires; however many callers ask at once,
 * one request goes out.
 */
export function useAuthToken(): AuthTokenState {
	const { client, queryClient } = useAuthContext("useAuthToken");
	const { user } = useSession();
	const options = tokenQueryOptions(client, user?.id);
	const query = useQuery(options, queryClient);
	const getToken = useCallback(async () => {
		if (!user) throw toAuthRequestError({ status: 401, code: "UNAUTHORIZED", message: "Sign in first." });
		return (await queryClient.fetchQuery(options)).token;
	}, [queryClient, options, user]);
	return { token: query.data?.token, getToken, isPending: query.isPending, error: query.error };
}

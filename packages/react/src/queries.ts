import { queryOptions } from "@tanstack/react-query";
import type { AuthClient, Session } from "./auth-client.js";
import { AuthRequestError, toAuthRequestError } from "./auth-error.js";

/** Query keys: the one place they are written. Everything the kit caches lives under `gatehouse`. */
export const authKeys = {
	all: ["gatehouse"] as const,
	session: () => [...authKeys.all, "session"] as const,
	token: (userId: string | undefined) => [...authKeys.all, "token", userId] as const,
	profile: (userId: string | undefined) => [...authKeys.all, "profile", userId] as const,
};

/** The one session query every component reads: a page makes one get-session, not one per component. */
export const sessionQueryOptions = (client: AuthClient) =>
	queryOptions({
		queryKey: authKeys.session(),
		queryFn: async (): Promise<Session | null> => {
			const { data, error } = await client.getSession();
			if (error) throw toAuthRequestError(error);
			return data ?? null;
		},
		staleTime: 60_000,
		retry: (failures, error) => failures < 2 && !(error instanceof AuthRequestError && error.status < 500 && error.status > 0),
	});

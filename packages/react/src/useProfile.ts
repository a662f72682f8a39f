"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useAuthContext } from "./AuthProvider.js";
import { toAuthRequestError } from "./auth-error.js";
import { authKeys } from "./queries.js";
import { useSession } from "./useSession.js";

/** The sign-up profile kept by the Gatehouse server at `/api/profile`. */
export interface Profile {
	softwareBackground: string | null;
	hardwareBackground: string | null;
}

export interface StoredProfile extends Profile {
	userId: string;
	updatedAt: string | null;
}

/** The signed-in user's profile, and a way to replace it. */
export function useProfile() {
	const { baseURL, queryClient, sessionToken } = useAuthContext("useProfile");
	const { user } = useSession();
	const key = authKeys.profile(user?.id);
	const call = async (init?: RequestInit): Promise<StoredProfile> => {
		const token = sessionToken?.get();
		const response = await fetch(new URL("/api/profile", baseURL), {
			// Token mode sends no cookies: the token is the credential.
			credentials: sessionToken ? "omit" : "include",
			...init,
			headers: {
				accept: "application/json",
				...(init?.body ? { "content-type": "application/json" } : {}),
				...(token ? { authorization: `Bearer ${token}` } : {}),
			},
		}).catch((error) => {
			throw toAuthRequestError(error);
		});
		const body = await response.json().catch(() => ({}));
		if (!response.ok) throw toAuthRequestError({ ...body, status: response.status });
		return body;
	};
	const query = useQuery({ queryKey: key, queryFn: () => call(), enabled: !!user }, queryClient);
	const mutation = useMutation(
		{
			mutationFn: (profile: Profile) => call({ method: "PUT", body: JSON.stringify(profile) }),
			onSuccess: (stored) => queryClient.setQueryData(key, stored),
		},
		queryClient,
	);
	return {
		profile: query.data,
		isPending: query.isPending,
		error: query.error,
		updateProfile: mutation.mutateAsync,
		isUpdating: mutation.isPending,
	};
}

import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { QueryClient } from "@tanstack/react-query";
import { beforeEach, describe, expect, it } from "vitest";
import { AuthProvider, useAuthToken, useProfile, useSession } from "../src/index.js";
import { AUTH_URL, createFakeAuthApi } from "./support/fake-auth-api.js";
import { server } from "./setup.js";

let api: ReturnType<typeof createFakeAuthApi>;
beforeEach(() => {
	api = createFakeAuthApi();
	server.use(...api.handlers);
	api.signInAs(api.addUser({ name: "Ada", email: "ada@example.com", password: "x", profile: { softwareBackground: "Rust", hardwareBackground: null } }));
});

const wrapper = ({ children }: { children: ReactNode }) => (
	<AuthProvider baseURL={AUTH_URL} queryClient={new QueryClient()}>
		{children}
	</AuthProvider>
);

describe("useAuthToken", () => {
	it("fetches once however many callers ask at the same moment, then serves the cached token", async () => {
		const { result } = renderHook(() => useAuthToken(), { wrapper });
		await waitFor(() => expect(result.current.token).toBeTruthy());
		const tokens = await Promise.all(Array.from({ length: 10 }, () => result.current.getToken()));
		expect(new Set(tokens).size).toBe(1);
		expect(api.state.calls.token).toBe(1);
	});

	it("fetches a new token when the cached one is about to expire", async () => {
		api.state.tokenLifetimeSeconds = 30; // inside the one-minute margin: never fresh
		const { result } = renderHook(() => useAuthToken(), { wrapper });
		await waitFor(() => expect(result.current.token).toBeTruthy());
		const [a, b] = await Promise.all([result.current.getToken(), result.current.getToken()]);
		expect(a).toBe(b);
		expect(api.state.calls.token).toBe(2);
	});

	it("refuses to hand out a token when signed out", async () => {
		api.state.signedIn = undefined;
		const { result } = renderHook(() => ({ token: useAuthToken(), session: useSession() }), { wrapper });
		await waitFor(() => expect(result.current.session.isPending).toBe(false));
		await expect(result.current.token.getToken()).rejects.toMatchObject({ status: 401 });
		expect(api.state.calls.token).toBe(0);
	});
});

describe("useProfile", () => {
	it("reads and replaces the signed-in user's profile", async () => {
		const { result } = renderHook(() => useProfile(), { wrapper });
		await waitFor(() => expect(result.current.profile?.softwareBackground).toBe("Rust"));
		await act(() => result.current.updateProfile({ softwareBackground: "Zig", hardwareBackground: "RP2040" }));
		expect(result.current.profile).toMatchObject({ softwareBackground: "Zig", hardwareBackground: "RP2040" });
	});
});

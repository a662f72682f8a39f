import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { vi } from "vitest";
import { AuthProvider, type AuthProviderProps } from "../../src/index.js";
import { AUTH_URL } from "./fake-auth-api.js";

/** Renders inside a fresh AuthProvider (own QueryClient, no retries) and records navigation. */
export function renderWithAuth(ui: ReactNode, props: Partial<AuthProviderProps> = {}) {
	const navigate = vi.fn<(to: string) => void>();
	const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
	const result = render(
		<AuthProvider baseURL={AUTH_URL} navigate={navigate} queryClient={queryClient} {...props}>
			{ui}
		</AuthProvider>,
	);
	return { ...result, navigate, queryClient };
}

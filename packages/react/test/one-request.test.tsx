import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { AuthProvider, ProtectedRoute, SignIn, SignedIn, SignedOut, UserButton, authKeys } from "../src/index.js";
import { AUTH_URL, createFakeAuthApi } from "./support/fake-auth-api.js";
import { server } from "./setup.js";

let api: ReturnType<typeof createFakeAuthApi>;
beforeEach(() => {
	api = createFakeAuthApi();
	server.use(...api.handlers);
	api.signInAs(api.addUser({ name: "Ada", email: "ada@example.com", password: "x" }));
});

const fiveComponents = (
	<>
		<UserButton />
		<SignedIn>
			<p>welcome</p>
		</SignedIn>
		<SignedOut>
			<p>goodbye</p>
		</SignedOut>
		<ProtectedRoute>
			<p>secret</p>
		</ProtectedRoute>
		<SignIn />
	</>
);

describe("session requests", () => {
	it("makes exactly one get-session for a page with five components", async () => {
		render(
			<AuthProvider baseURL={AUTH_URL}>
				{fiveComponents}
				{fiveComponents}
			</AuthProvider>,
		);
		await screen.findAllByText("secret");
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(api.state.calls.getSession).toBe(1);
	});

	it("joins the host's QueryClient instead of making its own", async () => {
		const host = new QueryClient();
		let seen: QueryClient | undefined;
		const Probe = () => {
			seen = useQueryClient();
			return null;
		};
		render(
			<QueryClientProvider client={host}>
				<AuthProvider baseURL={AUTH_URL}>
					<SignedIn>
						<p>welcome</p>
					</SignedIn>
					<Probe />
				</AuthProvider>
			</QueryClientProvider>,
		);
		await screen.findByText("welcome");
		expect(seen).toBe(host);
		await waitFor(() => expect(host.getQueryData(authKeys.session())).toMatchObject({ user: { name: "Ada" } }));
	});
});

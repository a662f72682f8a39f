import { QueryClient } from "@tanstack/react-query";
import { act } from "@testing-library/react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AuthProvider, ProtectedRoute, SignIn, SignInDialog, SignUp, SignedIn, SignedOut, UserButton } from "../src/index.js";
import { ur } from "../src/locales/ur.js";
import { AUTH_URL, createFakeAuthApi } from "./support/fake-auth-api.js";
import { server } from "./setup.js";

let api: ReturnType<typeof createFakeAuthApi>;
beforeEach(() => {
	api = createFakeAuthApi();
	server.use(...api.handlers);
});
afterEach(() => vi.restoreAllMocks());

const page = (locale?: typeof ur) => (
	<AuthProvider baseURL={AUTH_URL} queryClient={new QueryClient()} locale={locale}>
		<UserButton />
		<SignedIn>in</SignedIn>
		<SignedOut>out</SignedOut>
		<SignIn />
		<SignUp />
		<SignInDialog />
		<ProtectedRoute>secret</ProtectedRoute>
	</AuthProvider>
);

describe.each([
	["signed out", false],
	["signed in", true],
])("hydrating server HTML, %s", (_, signedIn) => {
	it.each([
		["English", undefined],
		["Urdu (right to left)", ur],
	])("in %s: no mismatch, then the page catches up with the session", async (_, locale) => {
		if (signedIn) api.signInAs(api.addUser({ name: "Ada", email: "ada@example.com", password: "x" }));
		const container = document.createElement("div");
		container.innerHTML = renderToString(page(locale));
		document.body.append(container);
		// Before hydration, the form can't be submitted: the default button is disabled.
		expect(container.querySelector<HTMLButtonElement>("form button[type=submit]")!.disabled).toBe(true);

		const errors = vi.spyOn(console, "error");
		const recoverable: unknown[] = [];
		await act(async () => {
			hydrateRoot(container, page(locale), { onRecoverableError: (error) => recoverable.push(error) });
		});
		// Until get-session has answered, in steps inside act: a fixed 50 ms flaked on a busy machine.
		const caughtUp = signedIn ? "secret" : "out";
		for (let waited = 0; !container.textContent?.includes(caughtUp) && waited < 3000; waited += 25) {
			await act(() => new Promise((resolve) => setTimeout(resolve, 25)));
		}
		expect(recoverable).toEqual([]);
		expect(errors).not.toHaveBeenCalled();
		expect(container.querySelector<HTMLButtonElement>("form button[type=submit]")?.disabled ?? false).toBe(false);
		expect(container.textContent).toContain(caughtUp);
		expect(api.state.calls.getSession).toBe(1);
		container.remove();
	});
});

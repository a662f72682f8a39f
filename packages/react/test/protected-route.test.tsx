import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { ProtectedRoute } from "../src/index.js";
import { createFakeAuthApi } from "./support/fake-auth-api.js";
import { renderWithAuth } from "./support/render.js";
import { server } from "./setup.js";

let api: ReturnType<typeof createFakeAuthApi>;
beforeEach(() => {
	api = createFakeAuthApi();
	server.use(...api.handlers);
	window.history.replaceState(null, "", "/docs/protected?tab=2#setup");
});

const secret = (
	<ProtectedRoute>
		<p>the secret</p>
	</ProtectedRoute>
);

describe("ProtectedRoute", () => {
	it("shows a status while checking, then the content to a signed-in user", async () => {
		api.signInAs(api.addUser({ name: "Ada", email: "ada@example.com", password: "x" }));
		renderWithAuth(secret);
		expect(screen.getByRole("status").textContent).toBe("Checking your session…");
		expect(await screen.findByText("the secret")).toBeTruthy();
	});

	it("offers the sign-in form in place to a signed-out visitor, and never the content", async () => {
		renderWithAuth(secret);
		expect(await screen.findByRole("heading", { name: "Sign in to see this page." })).toBeTruthy();
		expect(screen.getByLabelText("Password")).toBeTruthy();
		expect(screen.queryByText("the secret")).toBeNull();
	});

	it("sends a signed-out visitor to the sign-in page with a way back", async () => {
		const { navigate } = renderWithAuth(<ProtectedRoute signedOut="redirect">the secret</ProtectedRoute>, { signInPath: "/login" });
		await waitFor(() => expect(navigate).toHaveBeenCalledWith(`/login?redirectTo=${encodeURIComponent("/docs/protected?tab=2#setup")}`));
		expect(screen.queryByText("the secret")).toBeNull();
	});

	it("says so when the auth server stays unreachable after retries, and can try again", async () => {
		const { http, HttpResponse } = await import("msw");
		server.use(http.get("http://auth.test/api/auth/get-session", () => HttpResponse.error()));
		renderWithAuth(secret);
		// Two quick retries (about 3 s) before giving up: a blip is not an error worth showing.
		expect((await screen.findByRole("alert", {}, { timeout: 6000 })).textContent).toContain("Can't reach the sign-in server.");
		server.resetHandlers(...api.handlers);
		api.signInAs(api.addUser({ name: "Ada", email: "ada@example.com", password: "x" }));
		screen.getByRole("button", { name: "Try again" }).click();
		expect(await screen.findByText("the secret")).toBeTruthy();
	});
});

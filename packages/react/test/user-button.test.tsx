import { screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { ProtectedRoute, UserButton } from "../src/index.js";
import { HttpResponse, http } from "msw";
import { AUTH_URL, createFakeAuthApi } from "./support/fake-auth-api.js";
import { renderWithAuth } from "./support/render.js";
import { server } from "./setup.js";

let api: ReturnType<typeof createFakeAuthApi>;
beforeEach(() => {
	api = createFakeAuthApi();
	server.use(...api.handlers);
});

describe("UserButton", () => {
	it("offers a sign-in link to a signed-out visitor", async () => {
		renderWithAuth(<UserButton />, { signInPath: "/login" });
		const link = await screen.findByRole("link", { name: "Sign in" });
		expect(link.getAttribute("href")).toBe("/login");
	});

	it("shows the user, opens and closes by keyboard, and signs out", async () => {
		api.signInAs(api.addUser({ name: "Ada Lovelace", email: "ada@example.com", password: "x" }));
		renderWithAuth(
			<>
				<UserButton />
				<ProtectedRoute>
					<p>the secret</p>
				</ProtectedRoute>
			</>,
		);
		const button = await screen.findByRole("button", { name: "Account: Ada Lovelace" });
		expect(button.textContent).toContain("AL");
		expect(button.getAttribute("aria-expanded")).toBe("false");
		const user = userEvent.setup();
		button.focus();
		await user.keyboard("{Enter}");
		expect(button.getAttribute("aria-expanded")).toBe("true");
		expect(screen.getByText("ada@example.com")).toBeTruthy();
		await user.keyboard("{Escape}");
		expect(button.getAttribute("aria-expanded")).toBe("false");
		expect(document.activeElement).toBe(button);

		await user.keyboard("{Enter}");
		await user.click(screen.getByRole("button", { name: "Sign out" }));
		expect(await screen.findByRole("link", { name: "Sign in" })).toBeTruthy();
		await waitFor(() => expect(screen.queryByText("the secret")).toBeNull());
		expect(api.state.calls.signOut).toBe(1);
	});

	it("uses the email when the user has no name, and the image when there is one", async () => {
		api.signInAs(api.addUser({ name: "", email: "anon@example.com", password: "x", image: "https://example.com/a.png" }));
		renderWithAuth(<UserButton />);
		const button = await screen.findByRole("button", { name: "Account: anon@example.com" });
		expect(button.querySelector("img")?.getAttribute("src")).toBe("https://example.com/a.png");
	});

	it("stops acting signed in even when the server can't be reached to sign out", async () => {
		api.signInAs(api.addUser({ name: "Ada Lovelace", email: "ada@example.com", password: "x" }));
		server.use(http.post(`${AUTH_URL}/api/auth/sign-out`, () => HttpResponse.error()));
		renderWithAuth(<UserButton />);
		const user = userEvent.setup();
		await user.click(await screen.findByRole("button", { name: "Account: Ada Lovelace" }));
		// A rejection escaping the click handler would fail this run as an unhandled error.
		await user.click(screen.getByRole("button", { name: "Sign out" }));
		expect(await screen.findByRole("link", { name: "Sign in" })).toBeTruthy();
	});
});

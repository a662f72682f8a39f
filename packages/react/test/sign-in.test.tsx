import { screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { SignIn } from "../src/index.js";
import { createFakeAuthApi } from "./support/fake-auth-api.js";
import { renderWithAuth } from "./support/render.js";
import { server } from "./setup.js";

let api: ReturnType<typeof createFakeAuthApi>;
beforeEach(() => {
	api = createFakeAuthApi();
	server.use(...api.handlers);
	api.addUser({ name: "Ada", email: "ada@example.com", password: "correct horse" });
	window.history.replaceState(null, "", "/sign-in");
});

const fill = async (email: string, password: string) => {
	const user = userEvent.setup();
	if (email) await user.type(screen.getByLabelText("Email"), email);
	if (password) await user.type(screen.getByLabelText("Password"), password);
	await user.click(screen.getByRole("button", { name: "Sign in" }));
	return user;
};

describe("SignIn", () => {
	it("ties each error to its input, marks it invalid, and moves focus to the first one", async () => {
		renderWithAuth(<SignIn />);
		await fill("", "");
		const email = screen.getByLabelText("Email");
		expect(email.getAttribute("aria-invalid")).toBe("true");
		expect(document.getElementById(email.getAttribute("aria-describedby")!)?.textContent).toBe("Enter your email.");
		expect(screen.getByLabelText("Password").getAttribute("aria-invalid")).toBe("true");
		await waitFor(() => expect(document.activeElement).toBe(email));
		expect(api.state.calls.signIn).toBe(0);
	});

	it("says an email address is malformed before asking the server", async () => {
		renderWithAuth(<SignIn />);
		await fill("ada.example.com", "whatever1");
		expect(screen.getByText("Enter an email address like name@example.com.")).toBeTruthy();
		expect(api.state.calls.signIn).toBe(0);
	});

	it("announces a wrong password and puts focus on the message", async () => {
		const { navigate } = renderWithAuth(<SignIn />);
		await fill("ada@example.com", "wrong password");
		const alert = await screen.findByRole("alert");
		await waitFor(() => expect(alert.textContent).toBe("That email and password don't match. Check them and try again."));
		expect(document.activeElement).toBe(alert);
		expect(navigate).not.toHaveBeenCalled();
	});

	it.each([
		["rate-limit", "Too many attempts. Try again in 42 seconds."],
		["unreachable", "Can't reach the sign-in server. Check your connection and try again."],
		["unavailable", "Sign-in is unavailable right now. Try again in a minute."],
	] as const)("explains %s", async (kind, message) => {
		api.state.failNext = kind;
		renderWithAuth(<SignIn />);
		await fill("ada@example.com", "correct horse");
		await waitFor(() => expect(screen.getByRole("alert").textContent).toBe(message));
	});

	it("signs in, refreshes the session for everyone, and follows a same-site redirectTo", async () => {
		window.history.replaceState(null, "", "/sign-in?redirectTo=%2Fdocs%2Fprotected%3Ftab%3D2");
		const { navigate } = renderWithAuth(<SignIn />);
		await fill("ada@example.com", "correct horse");
		await waitFor(() => expect(navigate).toHaveBeenCalledWith("/docs/protected?tab=2"));
		expect(await screen.findByText("Signed in as Ada")).toBeTruthy();
	});

	it.each(["//evil.example", "https://evil.example", "javascript:alert(1)", "/\\evil.example"])(
		"ignores redirectTo=%s and goes to the default page",
		async (target) => {
			window.history.replaceState(null, "", `/sign-in?redirectTo=${encodeURIComponent(target)}`);
			const { navigate } = renderWithAuth(<SignIn />, { afterSignInPath: "/welcome" });
			await fill("ada@example.com", "correct horse");
			await waitFor(() => expect(navigate).toHaveBeenCalledWith("/welcome"));
		},
	);

	it("stays on the page with redirectTo={false}", async () => {
		let signedIn = false;
		const { navigate } = renderWithAuth(<SignIn redirectTo={false} onSignInSuccess={() => (signedIn = true)} />);
		await fill("ada@example.com", "correct horse");
		await waitFor(() => expect(signedIn).toBe(true));
		expect(navigate).not.toHaveBeenCalled();
	});

	it("works from the keyboard alone", async () => {
		const { navigate } = renderWithAuth(<SignIn />);
		const user = userEvent.setup();
		await user.tab();
		expect(document.activeElement).toBe(screen.getByLabelText("Email"));
		await user.keyboard("ada@example.com");
		await user.tab();
		await user.keyboard("correct horse{Enter}");
		await waitFor(() => expect(navigate).toHaveBeenCalledWith("/"));
	});

	it("gives every part a class hook", () => {
		renderWithAuth(<SignIn className="mine" classNames={{ input: "my-input", button: "my-button", label: "my-label" }} />);
		expect(document.querySelector("section")?.className).toContain("mine");
		expect(screen.getByLabelText("Email").className).toBe("gh-input my-input");
		expect(screen.getByRole("button", { name: "Sign in" }).className).toContain("my-button");
	});
});

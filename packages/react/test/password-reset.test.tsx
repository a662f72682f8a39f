import { screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { ForgotPassword, ResetPassword, SignIn, SignUp } from "../src/index.js";
import { ur } from "../src/locales/ur.js";
import { createFakeAuthApi } from "./support/fake-auth-api.js";
import { renderWithAuth } from "./support/render.js";
import { server } from "./setup.js";

let api: ReturnType<typeof createFakeAuthApi>;
beforeEach(() => {
	api = createFakeAuthApi();
	server.use(...api.handlers);
	window.history.replaceState(null, "", "/");
});

describe("ForgotPassword", () => {
	it("asks for a link and answers the same way whatever the address, in the page's language", async () => {
		renderWithAuth(<ForgotPassword />, { locale: ur });
		const user = userEvent.setup();
		await user.type(screen.getByLabelText("ای میل"), "nobody@example.com");
		await user.click(screen.getByRole("button", { name: "لنک بھیجیں" }));
		expect((await screen.findByRole("status")).textContent).toBe(ur.labels.resetLinkSent);
		expect(api.state.calls.resetRequests).toBe(1);
		expect(api.state.lastLocale).toBe("ur");
	});
});

describe("ResetPassword", () => {
	it("reads the token from the link, sets the new password, and offers to sign in", async () => {
		window.history.replaceState(null, "", "/reset-password?token=valid-token");
		renderWithAuth(<ResetPassword />);
		const user = userEvent.setup();
		await user.type(screen.getByLabelText("New password"), "a brand new one");
		await user.click(screen.getByRole("button", { name: "Save the new password" }));
		expect((await screen.findByRole("status")).textContent).toContain("Your password has been changed.");
		expect(screen.getByRole("link", { name: "Sign in" }).getAttribute("href")).toBe("/sign-in");
	});

	it("says a used or expired link is dead, and where to get a new one", async () => {
		window.history.replaceState(null, "", "/reset-password?token=stale");
		renderWithAuth(<ResetPassword />);
		const user = userEvent.setup();
		await user.type(screen.getByLabelText("New password"), "a brand new one");
		await user.click(screen.getByRole("button", { name: "Save the new password" }));
		await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("This link has expired or was already used. Ask for a new one."));
	});

	it("shows the dead-link message at once when the server redirected with an error", async () => {
		window.history.replaceState(null, "", "/reset-password?error=INVALID_TOKEN");
		renderWithAuth(<ResetPassword />);
		expect((await screen.findByRole("alert")).textContent).toContain("This link has expired");
		expect(screen.getByRole("link", { name: "Forgot your password?" }).getAttribute("href")).toBe("/forgot-password");
	});
});

describe("email verification", () => {
	beforeEach(() => {
		api.state.requireEmailVerification = true;
	});

	it("after sign-up, tells the user to check their inbox instead of signing them in", async () => {
		const { navigate } = renderWithAuth(<SignUp />);
		const user = userEvent.setup();
		await user.type(screen.getByLabelText("Name"), "Grace");
		await user.type(screen.getByLabelText("Email"), "grace@example.com");
		await user.type(screen.getByLabelText("Password"), "long enough");
		await user.click(screen.getByRole("button", { name: "Sign up" }));
		expect((await screen.findByRole("status")).textContent).toBe("Check your inbox: we sent a link to grace@example.com to verify your address.");
		expect(navigate).not.toHaveBeenCalled();
	});

	it("on sign-in of an unverified address, says so and can send the link again, once a minute", async () => {
		api.addUser({ name: "Grace", email: "grace@example.com", password: "long enough" });
		renderWithAuth(<SignIn />);
		const user = userEvent.setup();
		await user.type(screen.getByLabelText("Email"), "grace@example.com");
		await user.type(screen.getByLabelText("Password"), "long enough");
		await user.click(screen.getByRole("button", { name: "Sign in" }));
		expect((await screen.findByRole("status")).textContent).toContain("Check your inbox");
		const resend = screen.getByRole("button", { name: "Send the link again" });
		await user.click(resend);
		await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("A new link is on its way."));
		await user.click(resend);
		await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("Too many attempts. Try again in 55 seconds."));
	});
});

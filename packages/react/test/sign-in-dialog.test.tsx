import { screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { SignInDialog, UserButton } from "../src/index.js";
import { createFakeAuthApi } from "./support/fake-auth-api.js";
import { renderWithAuth } from "./support/render.js";
import { server } from "./setup.js";

let api: ReturnType<typeof createFakeAuthApi>;
beforeEach(() => {
	api = createFakeAuthApi();
	server.use(...api.handlers);
	api.addUser({ name: "Ada", email: "ada@example.com", password: "correct horse" });
});

describe("SignInDialog", () => {
	it("opens from the keyboard with focus inside, closes with Escape, and gives focus back", async () => {
		renderWithAuth(<SignInDialog />);
		const trigger = screen.getByRole("button", { name: "Sign in" });
		expect(trigger.getAttribute("aria-haspopup")).toBe("dialog");
		expect(screen.queryByRole("dialog")).toBeNull();
		const user = userEvent.setup();
		await user.tab();
		expect(document.activeElement).toBe(trigger);
		await user.keyboard("{Enter}");
		const dialog = await screen.findByRole("dialog", { name: "Sign in" });
		expect(dialog.getAttribute("aria-describedby")).toBeTruthy();
		await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
		expect(trigger.getAttribute("aria-expanded")).toBe("true");
		await user.keyboard("{Escape}");
		await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
		expect(document.activeElement).toBe(trigger);
	});

	it("signs in inside the dialog, closes it, and stays on the page", async () => {
		const { navigate } = renderWithAuth(
			<>
				<SignInDialog />
				<UserButton />
			</>,
		);
		const user = userEvent.setup();
		await user.click(screen.getAllByRole("button", { name: "Sign in" })[0]!);
		const dialog = await screen.findByRole("dialog");
		await user.type(await screen.findByLabelText("Email"), "ada@example.com");
		await user.type(screen.getByLabelText("Password"), "correct horse");
		await user.click(dialog.querySelector<HTMLButtonElement>("button[type=submit]")!);
		await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
		expect(await screen.findByRole("button", { name: "Account: Ada" })).toBeTruthy();
		expect(navigate).not.toHaveBeenCalled();
	});

	it("uses your own element as the trigger with asChild, and runs your handler first", async () => {
		let clicked = 0;
		renderWithAuth(
			<SignInDialog asChild>
				<a href="/sign-in" onClick={() => clicked++}>
					Log in
				</a>
			</SignInDialog>,
		);
		const link = screen.getByRole("link", { name: "Log in" });
		await userEvent.setup().click(link);
		expect(clicked).toBe(1);
		expect(await screen.findByRole("dialog")).toBeTruthy();
	});
});

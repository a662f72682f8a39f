import { screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { SignUp } from "../src/index.js";
import { createFakeAuthApi } from "./support/fake-auth-api.js";
import { renderWithAuth } from "./support/render.js";
import { server } from "./setup.js";

let api: ReturnType<typeof createFakeAuthApi>;
beforeEach(() => {
	api = createFakeAuthApi();
	server.use(...api.handlers);
	window.history.replaceState(null, "", "/sign-up");
});

async function fillSignUp(values: Partial<Record<"name" | "email" | "password" | "software" | "hardware", string>>) {
	const user = userEvent.setup();
	if (values.name) await user.type(screen.getByLabelText("Name"), values.name);
	if (values.email) await user.type(screen.getByLabelText("Email"), values.email);
	if (values.password) await user.type(screen.getByLabelText("Password"), values.password);
	if (values.software) await user.type(screen.getByLabelText(/Your software background/), values.software);
	if (values.hardware) await user.type(screen.getByLabelText(/Your hardware background/), values.hardware);
	await user.click(screen.getByRole("button", { name: "Sign up" }));
}

describe("SignUp", () => {
	it("marks the profile questions optional and explains each one", () => {
		renderWithAuth(<SignUp />);
		const software = screen.getByLabelText(/Your software background/);
		expect(software.hasAttribute("required")).toBe(false);
		expect(document.getElementById(software.getAttribute("aria-describedby")!)?.textContent).toBe(
			"Languages and tools you use, in a few words.",
		);
		expect(screen.getByLabelText("Password").hasAttribute("required")).toBe(true);
	});

	it("creates the account with the profile and lands on the default page", async () => {
		const { navigate } = renderWithAuth(<SignUp />);
		await fillSignUp({ name: "Grace", email: "grace@example.com", password: "long enough", software: "COBOL, Fortran", hardware: "UNIVAC" });
		await waitFor(() => expect(navigate).toHaveBeenCalledWith("/"));
		expect(api.state.signedIn).toMatchObject({
			email: "grace@example.com",
			profile: { softwareBackground: "COBOL, Fortran", hardwareBackground: "UNIVAC" },
		});
	});

	it("refuses a short password before asking the server, at the password field", async () => {
		renderWithAuth(<SignUp />);
		await fillSignUp({ name: "Grace", email: "grace@example.com", password: "short" });
		const password = screen.getByLabelText("Password");
		expect(password.getAttribute("aria-invalid")).toBe("true");
		expect(password.getAttribute("aria-describedby")!.split(" ").map((id) => document.getElementById(id)?.textContent)).toEqual([
			"At least 8 characters.",
			"Use at least 8 characters.",
		]);
		await waitFor(() => expect(document.activeElement).toBe(password));
		expect(api.state.calls.signUp).toBe(0);
	});

	it("puts 'already exists' on the email field and focuses it", async () => {
		api.addUser({ name: "Grace", email: "grace@example.com", password: "long enough" });
		renderWithAuth(<SignUp />);
		await fillSignUp({ name: "Grace", email: "grace@example.com", password: "long enough" });
		const email = screen.getByLabelText("Email");
		await waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
		expect(screen.getByText("An account with this email already exists. Sign in instead.")).toBeTruthy();
		await waitFor(() => expect(document.activeElement).toBe(email));
	});

	it("leaves out the profile questions with profile={false}", () => {
		renderWithAuth(<SignUp profile={false} />);
		expect(screen.queryByLabelText(/software background/)).toBeNull();
	});
});

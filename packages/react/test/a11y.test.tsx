import { render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import axe from "axe-core";
import { beforeEach, describe, expect, it } from "vitest";
import { ProtectedRoute, SignIn, SignUp, UserButton } from "../src/index.js";
import { createFakeAuthApi } from "./support/fake-auth-api.js";
import { renderWithAuth } from "./support/render.js";
import { server } from "./setup.js";

beforeEach(() => server.use(...createFakeAuthApi().handlers));

/** axe's rules that need no layout (jsdom has none); contrast is checked in Storybook, in Chromium. */
async function violations(container: HTMLElement) {
	const { violations } = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
	return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("accessibility", () => {
	it.each([
		["SignIn", <SignIn key="a" />],
		["SignUp", <SignUp key="b" />],
		["ProtectedRoute", <ProtectedRoute key="c">x</ProtectedRoute>],
		["UserButton", <UserButton key="d" />],
	])("%s has no axe violations, before and after a failed submit", async (name, element) => {
		const { container } = renderWithAuth(<main>{element}</main>);
		expect(await violations(container)).toEqual([]);
		const submit = screen.queryByRole("button", { name: /^Sign (in|up)$/ });
		if (name.startsWith("Sign") && submit) {
			await userEvent.setup().click(submit);
			expect(await violations(container)).toEqual([]);
		}
	});

	it("names the missing provider and how to fix it", () => {
		const spy = console.error;
		console.error = () => {};
		try {
			expect(() => render(<SignIn />)).toThrow(/`SignIn` must be used within `<AuthProvider>`.*src\/theme\/Root/);
		} finally {
			console.error = spy;
		}
	});
});

// @vitest-environment node
import { QueryClient } from "@tanstack/react-query";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
	AuthProvider,
	ForgotPassword,
	ResetPassword,
	ProtectedRoute,
	SignIn,
	SignInDialog,
	SignOutButton,
	SignUp,
	SignedIn,
	SignedOut,
	UserButton,
} from "../src/index.js";
import { ur } from "../src/locales/ur.js";

const render = (node: React.ReactNode, props: Partial<React.ComponentProps<typeof AuthProvider>> = {}) =>
	renderToString(
		<AuthProvider baseURL="https://auth.example.com" queryClient={new QueryClient()} {...props}>
			{node}
		</AuthProvider>,
	);

describe("rendering on a server (no window, no document)", () => {
	it("runs in an environment without a DOM", () => {
		expect(typeof window).toBe("undefined");
		expect(typeof document).toBe("undefined");
	});

	it("gives SignIn's real form: labelled email and password, a submit button disabled until hydration", () => {
		const html = render(<SignIn />);
		expect(html).toMatch(/<form[^>]*novalidate/i);
		expect(html).toMatch(/<label[^>]*for="([^"]+)"[^>]*>Email<\/label><input id="\1"[^>]*type="email"/);
		expect(html).toMatch(/<label[^>]*for="([^"]+)"[^>]*>Password<\/label><input id="\1"[^>]*type="password"[^>]*autoComplete="current-password"/);
		expect(html).toMatch(/<button type="submit"[^>]*disabled=""[^>]*>Sign in<\/button>/);
		expect(html).toContain('role="alert"');
	});

	it("gives SignUp's real form with the profile questions", () => {
		const html = render(<SignUp />);
		for (const name of ["name", "email", "password", "softwareBackground", "hardwareBackground"]) {
			expect(html).toContain(`name="${name}"`);
		}
		expect(html).toContain("Your software background");
		expect(html).toContain("At least 8 characters.");
	});

	it("gives the password reset forms", () => {
		expect(render(<ForgotPassword />)).toMatch(/<input[^>]*name="email"/);
		expect(render(<ResetPassword />)).toMatch(/<input[^>]*type="password"[^>]*autoComplete="new-password"/);
	});

	it("shows ProtectedRoute's fallback, never its children, while the session is unknown", () => {
		const html = render(
			<ProtectedRoute>
				<p>secret</p>
			</ProtectedRoute>,
		);
		expect(html).toContain("Checking your session…");
		expect(html).not.toContain("secret");
		expect(render(<ProtectedRoute fallback={<em>wait</em>}>secret</ProtectedRoute>)).toContain("<em>wait</em>");
	});

	it("renders every other component to stable markup", () => {
		const page = (
			<>
				<SignedIn>in</SignedIn>
				<SignedOut>out</SignedOut>
				<UserButton />
				<SignOutButton />
				<SignInDialog />
			</>
		);
		const first = render(page);
		expect(first).not.toMatch(/>in<|>out</);
		expect(first).toContain('aria-haspopup="dialog"');
		expect(first).toContain(">Sign out</button>");
		expect(render(page)).toBe(first);
	});

	it("renders the same markup in token mode, without reaching for storage", () => {
		const page = (
			<>
				<SignIn />
				<UserButton />
				<ProtectedRoute>secret</ProtectedRoute>
			</>
		);
		// No window here: any storage read during render would throw.
		expect(render(page, { sessionMode: "token" })).toBe(render(page));
	});

	it("renders right-to-left locales with their direction and language", () => {
		const html = render(<SignIn />, { locale: ur });
		expect(html).toContain('dir="rtl"');
		expect(html).toContain('lang="ur"');
		expect(html).toContain("پاس ورڈ");
	});
});

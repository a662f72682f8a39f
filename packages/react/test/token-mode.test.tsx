import { screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { SignIn, UserButton, useProfile } from "../src/index.js";
import { AUTH_URL } from "./support/fake-auth-api.js";
import { renderWithAuth } from "./support/render.js";
import { server } from "./setup.js";

const SESSION_TOKEN = "abc123.c2lnbmF0dXJl";
const STORAGE_KEY = `gatehouse.session-token:${AUTH_URL}`;
const user = { id: "u1", name: "Ada", email: "ada@example.com", image: null, emailVerified: false };

/** What the server's bearer plugin does: the session travels in headers, never in cookies. */
function tokenServer() {
	const seen: { path: string; authorization: string | null; credentials: RequestCredentials }[] = [];
	let valid = true;
	const signedIn = (request: Request) => valid && request.headers.get("authorization") === `Bearer ${SESSION_TOKEN}`;
	const record = (request: Request) =>
		seen.push({ path: new URL(request.url).pathname, authorization: request.headers.get("authorization"), credentials: request.credentials });
	server.use(
		http.get(`${AUTH_URL}/api/auth/get-session`, ({ request }) => {
			record(request);
			return HttpResponse.json(signedIn(request) ? { session: { id: "s1", userId: "u1", token: "abc123" }, user } : null);
		}),
		http.post(`${AUTH_URL}/api/auth/sign-in/email`, ({ request }) => {
			record(request);
			valid = true;
			return HttpResponse.json({ redirect: false, token: "abc123", user }, { headers: { "set-auth-token": SESSION_TOKEN } });
		}),
		http.post(`${AUTH_URL}/api/auth/sign-out`, ({ request }) => {
			record(request);
			valid = false;
			return HttpResponse.json({ success: true });
		}),
		http.get(`${AUTH_URL}/api/profile`, ({ request }) => {
			record(request);
			if (!signedIn(request)) return HttpResponse.json({ code: "UNAUTHORIZED" }, { status: 401 });
			return HttpResponse.json({ userId: "u1", softwareBackground: "Rust", hardwareBackground: null, updatedAt: null });
		}),
	);
	return {
		seen,
		expire: () => {
			valid = false;
		},
	};
}

function Profile() {
	const { profile } = useProfile();
	return <p data-testid="profile">{profile?.softwareBackground ?? "…"}</p>;
}

beforeEach(() => {
	window.localStorage.clear();
	window.history.replaceState(null, "", "/sign-in");
});

describe("token mode", () => {
	it("keeps the session token from sign-in and sends it as a Bearer header, never with cookies", async () => {
		const api = tokenServer();
		renderWithAuth(
			<>
				<SignIn redirectTo={false} />
				<UserButton />
				<Profile />
			</>,
			{ sessionMode: "token" },
		);
		const typist = userEvent.setup();
		await typist.type(screen.getByLabelText("Email"), "ada@example.com");
		await typist.type(screen.getByLabelText("Password"), "correct horse");
		await typist.click(screen.getByRole("button", { name: "Sign in" }));

		await screen.findByRole("button", { name: "Account: Ada" });
		expect(window.localStorage.getItem(STORAGE_KEY)).toBe(SESSION_TOKEN);
		await waitFor(() => expect(screen.getByTestId("profile").textContent).toBe("Rust"));
		const afterSignIn = api.seen.slice(api.seen.findIndex((call) => call.path === "/api/auth/sign-in/email") + 1);
		expect(afterSignIn.length).toBeGreaterThan(0);
		for (const call of afterSignIn) expect(call.authorization, call.path).toBe(`Bearer ${SESSION_TOKEN}`);
		for (const call of api.seen) expect(call.credentials, call.path).toBe("omit");

		// The signed-in notice that replaced the form has its own Sign out.
		await typist.click(screen.getAllByRole("button", { name: "Sign out" })[0]!);
		await screen.findByRole("link", { name: "Sign in" });
		expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
	});

	it("forgets a stored token the server no longer accepts", async () => {
		const api = tokenServer();
		window.localStorage.setItem(STORAGE_KEY, SESSION_TOKEN);
		api.expire();
		renderWithAuth(<UserButton />, { sessionMode: "token" });
		await screen.findByRole("link", { name: "Sign in" });
		expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
	});

	it("stays with cookies by default", async () => {
		const api = tokenServer();
		window.localStorage.setItem(STORAGE_KEY, SESSION_TOKEN);
		renderWithAuth(<UserButton />);
		await screen.findByRole("link", { name: "Sign in" });
		expect(api.seen).toEqual([{ path: "/api/auth/get-session", authorization: null, credentials: "include" }]);
	});
});

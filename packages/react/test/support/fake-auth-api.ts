import { http, HttpResponse, delay } from "msw";

/**
 * A small stateful stand-in for the Gatehouse server, for unit tests of the kit's rendering and
 * for the Storybook stories (the real server is exercised by the end-to-end tests). One browser,
 * one session. Only `msw` is imported, so the same handlers run in Node and in a service worker.
 */
export const AUTH_URL = "http://auth.test";

/** A way for the server to misbehave: never answer, 429, a network error, or 503. */
export type Trouble = "hang" | "rate-limit" | "unreachable" | "unavailable";
export type Endpoint = "getSession" | "signIn" | "signUp" | "signOut";

export interface FakeAuthApiOptions {
	/** Accounts that exist from the start. */
	users?: Omit<FakeUser, "id">[];
	/** The email of one of `users` whose session this browser already has. */
	signedInAs?: string;
	/** Endpoints that misbehave on every call (a fixed scenario, where `state.failNext` is once). */
	trouble?: Partial<Record<Endpoint, Trouble>>;
	/** Like REQUIRE_EMAIL_VERIFICATION=true: sign-up sends a link, unverified sign-in is refused. */
	requireEmailVerification?: boolean;
}

export interface FakeUser {
	id: string;
	name: string;
	email: string;
	password: string;
	image?: string | null;
	emailVerified?: boolean;
	profile?: { softwareBackground: string | null; hardwareBackground: string | null };
}

export function createFakeAuthApi({ users: initialUsers = [], signedInAs, trouble = {}, requireEmailVerification = false }: FakeAuthApiOptions = {}) {
	const users = new Map<string, FakeUser>();
	const state = {
		signedIn: undefined as FakeUser | undefined,
		calls: { getSession: 0, token: 0, signIn: 0, signUp: 0, signOut: 0, profile: 0, resetRequests: 0, verificationEmails: 0 },
		/** Like REQUIRE_EMAIL_VERIFICATION=true on the server. */
		requireEmailVerification,
		/** The valid reset token, and the locale header of the last mail-sending request. */
		resetToken: "valid-token",
		lastLocale: undefined as string | undefined,
		/** Answer the next sign-in / sign-up like this instead. */
		failNext: undefined as undefined | Exclude<Trouble, "hang">,
		tokenLifetimeSeconds: 3600,
	};
	const sessionOf = (user: FakeUser) => ({
		session: { id: `s-${user.id}`, userId: user.id, token: `t-${user.id}`, expiresAt: new Date(Date.now() + 864e5).toISOString() },
		user: { id: user.id, name: user.name, email: user.email, image: user.image ?? null, emailVerified: false },
	});
	const failure = async (endpoint: Endpoint) => {
		const once = endpoint === "signIn" || endpoint === "signUp" ? state.failNext : undefined;
		if (once) state.failNext = undefined;
		const kind = once ?? trouble[endpoint];
		if (kind === "hang") await delay("infinite");
		if (kind === "rate-limit") {
			return HttpResponse.json({ code: "RATE_LIMITED", message: "Too many attempts", retryAfter: 42 }, { status: 429, headers: { "retry-after": "42" } });
		}
		if (kind === "unreachable") return HttpResponse.error();
		if (kind === "unavailable") return HttpResponse.json({ code: "DATABASE_UNAVAILABLE", message: "down" }, { status: 503 });
		return undefined;
	};

	const handlers = [
		http.get(`${AUTH_URL}/api/auth/get-session`, async () => {
			state.calls.getSession++;
			const failed = await failure("getSession");
			if (failed) return failed;
			await delay(5);
			return HttpResponse.json(state.signedIn ? sessionOf(state.signedIn) : null);
		}),
		http.post(`${AUTH_URL}/api/auth/sign-in/email`, async ({ request }) => {
			state.calls.signIn++;
			const failed = await failure("signIn");
			if (failed) return failed;
			const { email, password } = (await request.json()) as { email: string; password: string };
			const user = users.get(email.toLowerCase());
			if (!user || user.password !== password) {
				return HttpResponse.json({ code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" }, { status: 401 });
			}
			if (state.requireEmailVerification && !user.emailVerified) {
				return HttpResponse.json({ code: "EMAIL_NOT_VERIFIED", message: "Email not verified" }, { status: 403 });
			}
			state.signedIn = user;
			return HttpResponse.json({ redirect: false, token: "t", user: sessionOf(user).user });
		}),
		http.post(`${AUTH_URL}/api/auth/sign-up/email`, async ({ request }) => {
			state.calls.signUp++;
			const failed = await failure("signUp");
			if (failed) return failed;
			const body = (await request.json()) as FakeUser & { profile?: Record<string, string> };
			if (users.has(body.email.toLowerCase())) {
				return HttpResponse.json({ code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", message: "User already exists" }, { status: 422 });
			}
			if ((body.profile?.softwareBackground?.length ?? 0) > 2000) {
				return HttpResponse.json(
					{ code: "PROFILE_FIELD_TOO_LONG", field: "softwareBackground", message: "too long" },
					{ status: 400 },
				);
			}
			const user: FakeUser = {
				id: `u${users.size + 1}`,
				name: body.name,
				email: body.email.toLowerCase(),
				password: body.password,
				profile: {
					softwareBackground: body.profile?.softwareBackground?.trim() || null,
					hardwareBackground: body.profile?.hardwareBackground?.trim() || null,
				},
			};
			users.set(user.email, user);
			state.lastLocale = request.headers.get("x-gatehouse-locale") ?? undefined;
			if (state.requireEmailVerification) return HttpResponse.json({ token: null, user: sessionOf(user).user });
			state.signedIn = user;
			return HttpResponse.json({ token: "t", user: sessionOf(user).user });
		}),
		http.post(`${AUTH_URL}/api/auth/sign-out`, async () => {
			state.calls.signOut++;
			const failed = await failure("signOut");
			if (failed) return failed;
			state.signedIn = undefined;
			return HttpResponse.json({ success: true });
		}),
		http.post(`${AUTH_URL}/api/auth/request-password-reset`, ({ request }) => {
			state.calls.resetRequests++;
			state.lastLocale = request.headers.get("x-gatehouse-locale") ?? undefined;
			return HttpResponse.json({ status: true, message: "If this email exists in our system, check your email for the reset link" });
		}),
		http.post(`${AUTH_URL}/api/auth/reset-password`, async ({ request }) => {
			const { token } = (await request.json()) as { token: string; newPassword: string };
			if (token !== state.resetToken) return HttpResponse.json({ code: "INVALID_TOKEN", message: "Invalid token" }, { status: 400 });
			state.resetToken = "used";
			return HttpResponse.json({ status: true });
		}),
		http.post(`${AUTH_URL}/api/auth/send-verification-email`, () => {
			if (++state.calls.verificationEmails > 1) {
				return HttpResponse.json({ code: "RATE_LIMITED", message: "Too many", retryAfter: 55 }, { status: 429 });
			}
			return HttpResponse.json({ status: true });
		}),
		http.get(`${AUTH_URL}/api/auth/token`, async () => {
			state.calls.token++;
			await delay(10);
			if (!state.signedIn) return HttpResponse.json({ code: "UNAUTHORIZED" }, { status: 401 });
			return HttpResponse.json({ token: fakeJwt(state.signedIn.id, state.tokenLifetimeSeconds, state.calls.token) });
		}),
		http.get(`${AUTH_URL}/api/profile`, () => {
			state.calls.profile++;
			if (!state.signedIn) return HttpResponse.json({ code: "UNAUTHORIZED" }, { status: 401 });
			return HttpResponse.json({ userId: state.signedIn.id, ...state.signedIn.profile, updatedAt: null });
		}),
		http.put(`${AUTH_URL}/api/profile`, async ({ request }) => {
			if (!state.signedIn) return HttpResponse.json({ code: "UNAUTHORIZED" }, { status: 401 });
			state.signedIn.profile = (await request.json()) as FakeUser["profile"];
			return HttpResponse.json({ userId: state.signedIn.id, ...state.signedIn.profile, updatedAt: new Date().toISOString() });
		}),
	];

	const api = {
		handlers,
		state,
		addUser(user: Omit<FakeUser, "id">) {
			const full = { id: `u${users.size + 1}`, ...user };
			users.set(user.email, full);
			return full;
		},
		signInAs(user: FakeUser) {
			state.signedIn = user;
		},
	};
	for (const user of initialUsers) api.addUser(user);
	if (signedInAs) {
		const user = users.get(signedInAs);
		if (!user) throw new Error(`createFakeAuthApi: signedInAs "${signedInAs}" is not one of options.users.`);
		api.signInAs(user);
	}
	return api;
}

function fakeJwt(sub: string, lifetimeSeconds: number, serial: number): string {
	const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
	const now = Math.floor(Date.now() / 1000);
	return `${encode({ alg: "RS256", kid: "k" })}.${encode({ sub, iat: now, exp: now + lifetimeSeconds, n: serial })}.sig`;
}

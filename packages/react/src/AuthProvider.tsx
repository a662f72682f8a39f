"use client";
import { QueryClient, QueryClientContext, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, createContext, useContext, useEffect, useMemo, useState } from "react";
import { type AuthClient, type SessionMode, createGatehouseClient } from "./auth-client.js";
import { type Labels, type Locale, en } from "./labels.js";
import { authKeys } from "./queries.js";
import { type SessionTokenStore, createSessionTokenStore } from "./session-token.js";

export type LabelOverrides = Partial<Omit<Labels, "errors">> & { errors?: Partial<Labels["errors"]> };

export interface AuthProviderProps {
	/** The auth server's origin, e.g. `https://auth.example.com`. Required: nothing is guessed from `window`. */
	baseURL: string;
	children?: ReactNode;
	/**
	 * How to change page. Pass your router's (`history.push`, `router.navigate`); the default does a
	 * full page load with `window.location.assign`.
	 */
	navigate?: (to: string) => void;
	/** Strings and direction; import one from `@gatehouse/react/locales/<code>`. @default en */
	locale?: Locale;
	/** Replace any string of the locale. */
	labels?: LabelOverrides;
	/** Where the sign-in page lives. @default "/sign-in" */
	signInPath?: string;
	/** Where the sign-up page lives. @default "/sign-up" */
	signUpPath?: string;
	/** Where to go after signing in when no `redirectTo` says otherwise. @default "/" */
	afterSignInPath?: string;
	/** Where `ForgotPassword` lives. @default "/forgot-password" */
	forgotPasswordPath?: string;
	/** Where `ResetPassword` lives: the page reset links in emails open. @default "/reset-password" */
	resetPasswordPath?: string;
	/** A QueryClient to use; by default the host's (from its QueryClientProvider) or one of our own. */
	queryClient?: QueryClient;
	/** An existing Better Auth client; by default one is made for `baseURL`. */
	client?: AuthClient;
	/**
	 * `cookie`: the HttpOnly session cookie, for a site on the same site as the auth server.
	 * `token`: the session token in `localStorage`, sent as `Authorization: Bearer`, for a site on
	 * another site (third-party cookies blocked); scripts on the page can read it. Ignored when
	 * `client` is given. @default "cookie"
	 */
	sessionMode?: SessionMode;
}

export interface AuthContextValue {
	client: AuthClient;
	baseURL: string;
	locale: Locale;
	labels: Labels;
	navigate: (to: string) => void;
	paths: { signIn: string; signUp: string; afterSignIn: string; forgotPassword: string; resetPassword: string };
	queryClient: QueryClient;
	/** Token mode's session token (read it in events, effects and fetches only); undefined in cookie mode. */
	sessionToken: SessionTokenStore | undefined;
}

const AuthContext = createContext<AuthContextValue | undefined>(undefined);

const assign = (to: string) => window.location.assign(to);

/**
 * Makes one Better Auth client and one session query for everything below it. Joins the host's
 * React Query client when there is one. Renders the same markup on the server and on the first
 * client render: nothing here touches `window` until an event or an effect.
 */
export function AuthProvider({
	baseURL,
	children,
	navigate = assign,
	locale = en,
	labels,
	signInPath = "/sign-in",
	signUpPath = "/sign-up",
	afterSignInPath = "/",
	forgotPasswordPath = "/forgot-password",
	resetPasswordPath = "/reset-password",
	queryClient: explicitQueryClient,
	client: explicitClient,
	sessionMode = "cookie",
}: AuthProviderProps) {
	if (!baseURL) throw new Error("<AuthProvider> needs `baseURL`: the auth server's origin, e.g. https://auth.example.com.");
	const hostQueryClient = useContext(QueryClientContext);
	const [ownQueryClient] = useState(() => ((explicitQueryClient ?? hostQueryClient) ? undefined : new QueryClient()));
	const queryClient = explicitQueryClient ?? hostQueryClient ?? ownQueryClient!;
	const sessionToken = useMemo(
		() => (sessionMode === "token" && !explicitClient ? createSessionTokenStore(baseURL) : undefined),
		[sessionMode, explicitClient, baseURL],
	);
	const client = useMemo(() => explicitClient ?? createGatehouseClient(baseURL, { sessionToken }), [explicitClient, baseURL, sessionToken]);
	// Token mode: a sign-in or sign-out in another tab changes the stored token; re-read the session.
	useEffect(() => {
		if (!sessionToken) return;
		const onStorage = (event: StorageEvent) => {
			if (event.key === sessionToken.key) void queryClient.invalidateQueries({ queryKey: authKeys.session() });
		};
		window.addEventListener("storage", onStorage);
		return () => window.removeEventListener("storage", onStorage);
	}, [sessionToken, queryClient]);
	const value = useMemo<AuthContextValue>(
		() => ({
			client,
			baseURL,
			locale,
			labels: { ...locale.labels, ...labels, errors: { ...locale.labels.errors, ...labels?.errors } },
			navigate,
			paths: {
				signIn: signInPath,
				signUp: signUpPath,
				afterSignIn: afterSignInPath,
				forgotPassword: forgotPasswordPath,
				resetPassword: resetPasswordPath,
			},
			queryClient,
			sessionToken,
		}),
		[client, baseURL, locale, labels, navigate, signInPath, signUpPath, afterSignInPath, forgotPasswordPath, resetPasswordPath, queryClient, sessionToken],
	);
	const provided = <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
	// Our own QueryClient goes on the context only when the host has none.
	return ownQueryClient ? <QueryClientProvider client={ownQueryClient}>{provided}</QueryClientProvider> : provided;
}

/** The provider's value; throws a message that says how to fix a missing provider. */
export function useAuthContext(component = "useAuthContext"): AuthContextValue {
	const value = useContext(AuthContext);
	if (!value) {
		throw new Error(
			`[gatehouse] \`${component}\` must be used within \`<AuthProvider>\`. Wrap your app in <AuthProvider baseURL="https://your-auth-server">. ` +
				"On Docusaurus the @gatehouse/docusaurus plugin adds it around the site, but a site with its own src/theme/Root (or another plugin that wraps Root) replaces it: render {children} inside <AuthRoot> from @gatehouse/docusaurus/client in that Root.",
		);
	}
	return value;
}

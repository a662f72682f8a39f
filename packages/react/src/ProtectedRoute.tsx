"use client";
import { type ReactNode, useEffect } from "react";
import { useAuthContext } from "./AuthProvider.js";
import { describeAuthError } from "./auth-error.js";
import { SignIn } from "./SignIn.js";
import { useSession } from "./useSession.js";

export interface ProtectedRouteProps {
	children?: ReactNode;
	/** Shown while the session is being checked (always, on the server). @default "Checking your session…" */
	fallback?: ReactNode;
	/**
	 * What a signed-out visitor gets: the sign-in form right here (`inline`), or a trip to the
	 * provider's `signInPath` with `?redirectTo=` this page (`redirect`). @default "inline"
	 */
	signedOut?: "inline" | "redirect";
}

/**
 * Shows its children only to a signed-in user.
 *
 * This hides content in the browser; it is **not access control**. Whatever is inside is
 * still in the page's JavaScript (and, in a static site, may be in its HTML). Protect real data
 * on a server: serve it from an API that checks the session or the JWT.
 */
export function ProtectedRoute({ children, fallback, signedOut = "inline" }: ProtectedRouteProps) {
	const { labels, locale, navigate, paths } = useAuthContext("ProtectedRoute");
	const { session, isPending, error, refetch } = useSession();
	const redirect = signedOut === "redirect" && !isPending && !session && !error;
	useEffect(() => {
		if (!redirect) return;
		const here = window.location.pathname + window.location.search + window.location.hash;
		navigate(`${paths.signIn}?redirectTo=${encodeURIComponent(here)}`);
	}, [redirect, navigate, paths.signIn]);

	if (session) return <>{children}</>;
	if (error && !isPending) {
		return (
			<div className="gh-root gh-card" dir={locale.dir} role="alert">
				<p className="gh-status">{describeAuthError(error, labels).message}</p>
				<button type="button" className="gh-button" onClick={refetch}>
					{labels.retry}
				</button>
			</div>
		);
	}
	if (isPending || redirect) {
		return (
			fallback ?? (
				<p className="gh-root gh-status" dir={locale.dir} role="status">
					{labels.checkingSession}
				</p>
			)
		);
	}
	return <SignIn redirectTo={false} title={labels.signInToSee} />;
}

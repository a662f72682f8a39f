"use client";
import { useAuthContext } from "./AuthProvider.js";
import type { Session } from "./auth-client.js";
import { redirectParam, safeRedirectPath } from "./redirect.js";
import { SignOutButton } from "./SignOutButton.js";

/** What a sign-in or sign-up form shows to someone already signed in. */
export function SignedInNotice({ session, redirectTo }: { session: Session; redirectTo?: string | false }) {
	const { labels, navigate, paths } = useAuthContext("SignedInNotice");
	return (
		<div className="gh-signed-in">
			<p className="gh-status">{labels.signedInAs(session.user.name || session.user.email)}</p>
			<div className="gh-actions">
				{redirectTo !== false && (
					<button
						type="button"
						className="gh-button gh-button-primary"
						onClick={() => navigate(safeRedirectPath(redirectTo ?? redirectParam(), paths.afterSignIn))}
					>
						{labels.continue}
					</button>
				)}
				<SignOutButton />
			</div>
		</div>
	);
}

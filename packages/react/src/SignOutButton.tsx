"use client";
import { type ButtonHTMLAttributes, useState } from "react";
import { useAuthContext } from "./AuthProvider.js";
import { cx } from "./cx.js";
import { safeRedirectPath } from "./redirect.js";
import { sessionEnded } from "./session-actions.js";

export interface SignOutButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onClick"> {
	/** A path on this site to go to afterwards; by default the page stays (protected content hides itself). */
	redirectTo?: string;
	onSignOutSuccess?: () => void;
}

/** Ends the session on the server, then forgets it (and any token or profile) here. */
export function SignOutButton({ redirectTo, onSignOutSuccess, className, children, ...button }: SignOutButtonProps) {
	const { client, labels, navigate, queryClient, sessionToken } = useAuthContext("SignOutButton");
	const [pending, setPending] = useState(false);
	return (
		<button
			type="button"
			{...button}
			className={cx("gh-button", className)}
			disabled={pending || button.disabled}
			aria-busy={pending || undefined}
			onClick={async () => {
				setPending(true);
				try {
					await client.signOut();
				} catch {
					// The server could not be told (offline, unreachable). This browser stops acting signed
					// in all the same; a click handler has no caller to hand the error to.
				}
				sessionEnded(queryClient, sessionToken);
				setPending(false);
				onSignOutSuccess?.();
				if (redirectTo) navigate(safeRedirectPath(redirectTo, "/"));
			}}
		>
			{pending ? labels.signingOut : (children ?? labels.signOut)}
		</button>
	);
}

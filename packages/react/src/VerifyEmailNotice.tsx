"use client";
import { useState } from "react";
import { useAuthContext } from "./AuthProvider.js";
import { localeHeaders, siteURL } from "./auth-client.js";
import { describeAuthError, toAuthRequestError } from "./auth-error.js";

/**
 * "Check your inbox" for an address that must be verified before signing in, with a button that
 * sends the link again (the server allows a few per minute; the wait is shown when exceeded).
 */
export function VerifyEmailNotice({ email, callbackPath }: { email: string; callbackPath: string }) {
	const { client, labels, locale } = useAuthContext("VerifyEmailNotice");
	const [status, setStatus] = useState<string>();
	const [pending, setPending] = useState(false);
	return (
		<div className="gh-verify">
			<p className="gh-status" role="status">
				{labels.checkInbox(email)}
			</p>
			<div className="gh-actions">
				<button
					type="button"
					className="gh-button"
					disabled={pending}
					onClick={async () => {
						setPending(true);
						const { error } = await client
							.sendVerificationEmail({ email, callbackURL: siteURL(callbackPath), fetchOptions: localeHeaders(locale.code) })
							.catch((e: unknown) => ({ error: e }));
						setStatus(error ? describeAuthError(toAuthRequestError(error), labels).message : labels.verificationSent);
						setPending(false);
					}}
				>
					{labels.resendVerification}
				</button>
			</div>
			<p className="gh-hint" role="alert">
				{status}
			</p>
		</div>
	);
}

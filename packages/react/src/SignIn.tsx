"use client";
import { type ReactNode, useState } from "react";
import { useAuthContext } from "./AuthProvider.js";
import type { Session } from "./auth-client.js";
import { toAuthRequestError } from "./auth-error.js";
import { AuthCard } from "./AuthCard.js";
import { cx } from "./cx.js";
import { AuthLink, Field, FormAlert, type FormClassNames, checkEmail, useAuthForm } from "./form.js";
import { redirectParam, safeRedirectPath } from "./redirect.js";
import { authKeys } from "./queries.js";
import { sessionChanged } from "./session-actions.js";
import { SignedInNotice } from "./SignedInNotice.js";
import { useSession } from "./useSession.js";
import { VerifyEmailNotice } from "./VerifyEmailNotice.js";

export interface SignInProps {
	/**
	 * Where to go after signing in: a path on this site. Unset: the page's `?redirectTo=`, else
	 * the provider's `afterSignInPath`. `false`: stay on this page. Anything that is not a
	 * same-site path is ignored.
	 */
	redirectTo?: string | false;
	/** Called once the session exists, before any navigation. */
	onSignInSuccess?: (session: Session | null) => void;
	/** The heading; `false` for none. @default labels.signInTitle */
	title?: ReactNode | false;
	className?: string;
	classNames?: FormClassNames;
}

/** Email and password sign-in. Server-renders the real form; sends nothing until hydrated. */
export function SignIn({ redirectTo, onSignInSuccess, title, className, classNames = {} }: SignInProps) {
	const { client, labels, navigate, paths, queryClient } = useAuthContext("SignIn");
	const { session } = useSession();
	const [unverified, setUnverified] = useState<string>();
	const form = useAuthForm({
		validate: ({ email, password }) => {
			const errors = checkEmail(email, labels, {});
			if (!password) errors.password = labels.errors.required(labels.password);
			return errors;
		},
		submit: async ({ email = "", password = "" }) => {
			const { error } = await client.signIn.email({ email: email.trim(), password });
			// Right password, address not verified yet: explain, and offer the link again.
			if (error?.code === "EMAIL_NOT_VERIFIED") return setUnverified(email.trim());
			if (error) throw toAuthRequestError(error);
			await sessionChanged(queryClient);
			onSignInSuccess?.(queryClient.getQueryData<Session | null>(authKeys.session()) ?? null);
			if (redirectTo !== false) navigate(safeRedirectPath(redirectTo ?? redirectParam(), paths.afterSignIn));
		},
	});
	return (
		<AuthCard title={title} defaultTitle={labels.signInTitle} className={className} classNames={classNames}>
			{session ? (
				<SignedInNotice session={session} redirectTo={redirectTo} />
			) : unverified ? (
				<VerifyEmailNotice email={unverified} callbackPath={paths.afterSignIn} />
			) : (
				<form ref={form.formRef} className={cx("gh-form", classNames.form)} noValidate onSubmit={form.onSubmit}>
					<FormAlert message={form.formError} alertRef={form.alertRef} className={classNames.alert} />
					<Field name="email" type="email" autoComplete="username" label={labels.email} error={form.errors.email} classNames={classNames} />
					<Field
						name="password"
						type="password"
						autoComplete="current-password"
						label={labels.password}
						error={form.errors.password}
						classNames={classNames}
					/>
					<AuthLink to={paths.forgotPassword} className="gh-forgot">
						{labels.forgotPassword}
					</AuthLink>
					<button type="submit" className={cx("gh-button gh-button-primary", classNames.button)} disabled={!form.canSubmit} aria-busy={form.pending || undefined}>
						{form.pending ? labels.signingIn : labels.signIn}
					</button>
					<noscript>
						<p className="gh-hint">{labels.needsJavaScript}</p>
					</noscript>
					<p className={cx("gh-footer", classNames.footer)}>
						{labels.noAccount} <AuthLink to={paths.signUp}>{labels.signUp}</AuthLink>
					</p>
				</form>
			)}
		</AuthCard>
	);
}

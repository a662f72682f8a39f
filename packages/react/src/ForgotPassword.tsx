"use client";
import { type ReactNode, useState } from "react";
import { useAuthContext } from "./AuthProvider.js";
import { localeHeaders, siteURL } from "./auth-client.js";
import { toAuthRequestError } from "./auth-error.js";
import { AuthCard } from "./AuthCard.js";
import { cx } from "./cx.js";
import { AuthLink, Field, FormAlert, type FormClassNames, checkEmail, useAuthForm } from "./form.js";

export interface ForgotPasswordProps {
	title?: ReactNode | false;
	className?: string;
	classNames?: FormClassNames;
}

/**
 * Asks for a reset link by email. The answer is the same whether or not the address has an
 * account, so the form can't be used to find out who has one.
 */
export function ForgotPassword({ title, className, classNames = {} }: ForgotPasswordProps) {
	const { client, labels, locale, paths } = useAuthContext("ForgotPassword");
	const [sent, setSent] = useState(false);
	const form = useAuthForm({
		validate: ({ email }) => checkEmail(email, labels, {}),
		submit: async ({ email = "" }) => {
			const { error } = await client.requestPasswordReset({
				email: email.trim(),
				redirectTo: siteURL(paths.resetPassword),
				fetchOptions: localeHeaders(locale.code),
			});
			if (error) throw toAuthRequestError(error);
			setSent(true);
		},
	});
	return (
		<AuthCard title={title} defaultTitle={labels.forgotPasswordTitle} className={className} classNames={classNames}>
			{sent ? (
				<p className="gh-status" role="status">
					{labels.resetLinkSent}
				</p>
			) : (
				<form ref={form.formRef} className={cx("gh-form", classNames.form)} noValidate onSubmit={form.onSubmit}>
					<p className={cx("gh-hint", classNames.hint)}>{labels.forgotPasswordHint}</p>
					<FormAlert message={form.formError} alertRef={form.alertRef} className={classNames.alert} />
					<Field name="email" type="email" autoComplete="email" label={labels.email} error={form.errors.email} classNames={classNames} />
					<button type="submit" className={cx("gh-button gh-button-primary", classNames.button)} disabled={!form.canSubmit} aria-busy={form.pending || undefined}>
						{form.pending ? labels.sendingResetLink : labels.sendResetLink}
					</button>
				</form>
			)}
			<p className={cx("gh-footer", classNames.footer)}>
				<AuthLink to={paths.signIn}>{labels.backToSignIn}</AuthLink>
			</p>
		</AuthCard>
	);
}

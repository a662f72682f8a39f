"use client";
import { type ReactNode, useState } from "react";
import { useAuthContext } from "./AuthProvider.js";
import { localeHeaders, siteURL } from "./auth-client.js";
import { toAuthRequestError } from "./auth-error.js";
import { cx } from "./cx.js";
import { AuthLink, EMAIL_PATTERN, Field, FormAlert, type FieldErrors, type FormClassNames, useAuthForm } from "./form.js";

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
		validate: ({ email = "" }) => {
			const errors: FieldErrors = {};
			if (!email.trim()) errors.email = labels.errors.required(labels.email);
			else if (!EMAIL_PATTERN.test(email.trim())) errors.email = labels.errors.invalidEmail;
			return errors;
		},
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
	const heading = title === undefined ? labels.forgotPasswordTitle : title;
	return (
		<section className={cx("gh-root gh-card", className, classNames.root)} dir={locale.dir} lang={locale.code}>
			{heading !== false && <h2 className={cx("gh-title", classNames.title)}>{heading}</h2>}
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
		</section>
	);
}

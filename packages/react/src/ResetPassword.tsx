"use client";
import { type ReactNode, useEffect, useState } from "react";
import { useAuthContext } from "./AuthProvider.js";
import { toAuthRequestError } from "./auth-error.js";
import { AuthCard } from "./AuthCard.js";
import { cx } from "./cx.js";
import { AuthLink, Field, FormAlert, type FieldErrors, type FormClassNames, MIN_PASSWORD_LENGTH, useAuthForm } from "./form.js";

export interface ResetPasswordProps {
	/** The reset token; by default read from the page's `?token=` (where the email's link lands). */
	token?: string;
	title?: ReactNode | false;
	className?: string;
	classNames?: FormClassNames;
}

/** Sets a new password from the link in a reset email. The link works once and for an hour. */
export function ResetPassword({ token: tokenProp, title, className, classNames = {} }: ResetPasswordProps) {
	const { client, labels, paths } = useAuthContext("ResetPassword");
	// undefined: not read yet (server render, first client render); null: the link carried none.
	const [urlToken, setUrlToken] = useState<string | null>();
	const [done, setDone] = useState(false);
	useEffect(() => {
		const params = new URLSearchParams(window.location.search);
		setUrlToken(params.get("error") ? null : params.get("token"));
	}, []);
	const token = tokenProp ?? urlToken;
	const form = useAuthForm({
		validate: ({ password = "" }) => {
			const errors: FieldErrors = {};
			if (!password) errors.password = labels.errors.required(labels.newPassword);
			else if (password.length < MIN_PASSWORD_LENGTH) errors.password = labels.errors.passwordTooShort(MIN_PASSWORD_LENGTH);
			return errors;
		},
		submit: async ({ password = "" }) => {
			const { error } = await client.resetPassword({ newPassword: password, token: token ?? "" });
			if (error) throw toAuthRequestError(error);
			setDone(true);
		},
	});
	let body: ReactNode;
	if (done) {
		body = (
			<p className="gh-status" role="status">
				{labels.passwordChanged} <AuthLink to={paths.signIn}>{labels.signIn}</AuthLink>
			</p>
		);
	} else if (token === null) {
		body = (
			<p className="gh-status" role="alert">
				{labels.errors.invalidResetLink} <AuthLink to={paths.forgotPassword}>{labels.forgotPassword}</AuthLink>
			</p>
		);
	} else {
		body = (
			<form ref={form.formRef} className={cx("gh-form", classNames.form)} noValidate onSubmit={form.onSubmit}>
				<FormAlert message={form.formError} alertRef={form.alertRef} className={classNames.alert} />
				<Field
					name="password"
					type="password"
					autoComplete="new-password"
					label={labels.newPassword}
					hint={labels.passwordHint(MIN_PASSWORD_LENGTH)}
					error={form.errors.password}
					classNames={classNames}
				/>
				<button type="submit" className={cx("gh-button gh-button-primary", classNames.button)} disabled={!form.canSubmit || !token} aria-busy={form.pending || undefined}>
					{form.pending ? labels.savingPassword : labels.savePassword}
				</button>
			</form>
		);
	}
	return (
		<AuthCard title={title} defaultTitle={labels.resetPasswordTitle} className={className} classNames={classNames}>
			{body}
		</AuthCard>
	);
}

"use client";
import { type ReactNode, useState } from "react";
import { useAuthContext } from "./AuthProvider.js";
import { localeHeaders, siteURL } from "./auth-client.js";
import { toAuthRequestError } from "./auth-error.js";
import { AuthCard } from "./AuthCard.js";
import { cx } from "./cx.js";
import {
	AuthLink,
	Field,
	type FieldErrors,
	FormAlert,
	type FormClassNames,
	MAX_ANSWER_LENGTH,
	MIN_PASSWORD_LENGTH,
	checkEmail,
	useAuthForm,
} from "./form.js";
import { redirectParam, safeRedirectPath } from "./redirect.js";
import { sessionChanged } from "./session-actions.js";
import { SignedInNotice } from "./SignedInNotice.js";
import { useSession } from "./useSession.js";
import { VerifyEmailNotice } from "./VerifyEmailNotice.js";

export interface SignUpProps {
	/** As for `SignIn`: a same-site path, `?redirectTo=` when unset, `false` to stay. */
	redirectTo?: string | false;
	onSignUpSuccess?: () => void;
	/** Ask for the profile answers (software and hardware background). @default true */
	profile?: boolean;
	title?: ReactNode | false;
	className?: string;
	classNames?: FormClassNames;
}

const PROFILE_FIELDS = ["softwareBackground", "hardwareBackground"] as const;

/** Account creation with the optional profile answers; user, account and profile are made together. */
export function SignUp({ redirectTo, onSignUpSuccess, profile = true, title, className, classNames = {} }: SignUpProps) {
	const { client, labels, locale, navigate, paths, queryClient } = useAuthContext("SignUp");
	const { session } = useSession();
	const [unverified, setUnverified] = useState<string>();
	const form = useAuthForm({
		validate: (values) => {
			const errors: FieldErrors = {};
			if (!values.name?.trim()) errors.name = labels.errors.required(labels.name);
			checkEmail(values.email, labels, errors);
			if (!values.password) errors.password = labels.errors.required(labels.password);
			else if (values.password.length < MIN_PASSWORD_LENGTH) errors.password = labels.errors.passwordTooShort(MIN_PASSWORD_LENGTH);
			for (const field of PROFILE_FIELDS) {
				if ([...(values[field]?.trim() ?? "")].length > MAX_ANSWER_LENGTH) errors[field] = labels.errors.tooLong(labels[field], MAX_ANSWER_LENGTH);
			}
			return errors;
		},
		submit: async ({ name = "", email = "", password = "", softwareBackground, hardwareBackground }) => {
			const { data, error } = await client.signUp.email({
				name: name.trim(),
				email: email.trim(),
				password,
				// Read by the Gatehouse server and saved with the user in one transaction.
				...(profile ? { profile: { softwareBackground, hardwareBackground } } : {}),
				// Where the verification link lands, when the server asks for one.
				callbackURL: siteURL(safeRedirectPath(redirectTo || redirectParam(), paths.afterSignIn)),
				fetchOptions: localeHeaders(locale.code),
			} as Parameters<typeof client.signUp.email>[0]);
			if (error) throw toAuthRequestError(error);
			// No session: the server wants the address verified first (REQUIRE_EMAIL_VERIFICATION).
			if (!data?.token) return setUnverified(email.trim());
			await sessionChanged(queryClient);
			onSignUpSuccess?.();
			if (redirectTo !== false) navigate(safeRedirectPath(redirectTo ?? redirectParam(), paths.afterSignIn));
		},
	});
	return (
		<AuthCard title={title} defaultTitle={labels.signUpTitle} className={className} classNames={classNames}>
			{session ? (
				<SignedInNotice session={session} redirectTo={redirectTo} />
			) : unverified ? (
				<VerifyEmailNotice email={unverified} callbackPath={paths.afterSignIn} />
			) : (
				<form ref={form.formRef} className={cx("gh-form", classNames.form)} noValidate onSubmit={form.onSubmit}>
					<FormAlert message={form.formError} alertRef={form.alertRef} className={classNames.alert} />
					<Field name="name" autoComplete="name" label={labels.name} error={form.errors.name} classNames={classNames} />
					<Field name="email" type="email" autoComplete="email" label={labels.email} error={form.errors.email} classNames={classNames} />
					<Field
						name="password"
						type="password"
						autoComplete="new-password"
						label={labels.password}
						hint={labels.passwordHint(MIN_PASSWORD_LENGTH)}
						error={form.errors.password}
						classNames={classNames}
					/>
					{profile &&
						PROFILE_FIELDS.map((field) => (
							<Field
								key={field}
								name={field}
								optional
								label={labels[field]}
								hint={labels[`${field}Hint`]}
								error={form.errors[field]}
								classNames={classNames}
							/>
						))}
					<button type="submit" className={cx("gh-button gh-button-primary", classNames.button)} disabled={!form.canSubmit} aria-busy={form.pending || undefined}>
						{form.pending ? labels.signingUp : labels.signUp}
					</button>
					<noscript>
						<p className="gh-hint">{labels.needsJavaScript}</p>
					</noscript>
					<p className={cx("gh-footer", classNames.footer)}>
						{labels.haveAccount} <AuthLink to={paths.signIn}>{labels.signIn}</AuthLink>
					</p>
				</form>
			)}
		</AuthCard>
	);
}

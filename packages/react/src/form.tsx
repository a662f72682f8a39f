"use client";
import { type FormEvent, type InputHTMLAttributes, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useAuthContext } from "./AuthProvider.js";
import { type AuthRequestError, describeAuthError, toAuthRequestError } from "./auth-error.js";
import { cx } from "./cx.js";
import type { Labels } from "./labels.js";
import { useHydrated } from "./useHydrated.js";

/** Class name hooks for each part of a form; every part also has a stable `gh-*` class. */
export interface FormClassNames {
	root?: string;
	title?: string;
	form?: string;
	field?: string;
	label?: string;
	input?: string;
	hint?: string;
	error?: string;
	alert?: string;
	button?: string;
	footer?: string;
}

export type FieldErrors = Record<string, string>;

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
	name: string;
	label: string;
	hint?: string;
	error?: string;
	optional?: boolean;
	classNames?: FormClassNames;
}

/** A labelled input whose hint and error are tied to it for assistive technology. */
export function Field({ name, label, hint, error, optional, classNames = {}, ...input }: FieldProps) {
	const id = useId();
	const { labels } = useAuthContext("Field");
	const hintId = hint ? `${id}-hint` : undefined;
	const errorId = error ? `${id}-error` : undefined;
	return (
		<div className={cx("gh-field", classNames.field)}>
			<label className={cx("gh-label", classNames.label)} htmlFor={id}>
				{label}
				{optional && <span className="gh-optional"> ({labels.optional})</span>}
			</label>
			<input
				id={id}
				name={name}
				className={cx("gh-input", classNames.input)}
				aria-invalid={error ? true : undefined}
				aria-describedby={cx(hintId, errorId) || undefined}
				required={!optional}
				{...input}
			/>
			{hint && (
				<p id={hintId} className={cx("gh-hint", classNames.hint)}>
					{hint}
				</p>
			)}
			{error && (
				<p id={errorId} className={cx("gh-error", classNames.error)}>
					{error}
				</p>
			)}
		</div>
	);
}

interface AuthFormOptions {
	/** Client-side checks, in field order; returns a message per invalid field. */
	validate: (values: Record<string, string>) => FieldErrors;
	/** Sends the form; throws an AuthRequestError-like value on failure. */
	submit: (values: Record<string, string>) => Promise<void>;
}

/**
 * Form state for the kit's forms: validates on submit, sends, maps server errors to fields or
 * the form, and moves focus to the first error. The submit button stays disabled until the page
 * has hydrated: before that, pressing Enter must not let the browser send the password anywhere
 * (a disabled default button blocks implicit submission).
 */
export function useAuthForm({ validate, submit }: AuthFormOptions) {
	const { labels } = useAuthContext("useAuthForm");
	const hydrated = useHydrated();
	const formRef = useRef<HTMLFormElement>(null);
	const alertRef = useRef<HTMLParagraphElement>(null);
	const [errors, setErrors] = useState<FieldErrors>({});
	const [formError, setFormError] = useState<string>();
	const [pending, setPending] = useState(false);
	const [attempt, setAttempt] = useState(0);

	// After each failed attempt, focus the first field in error, else the form's message.
	useEffect(() => {
		if (!attempt) return;
		const form = formRef.current;
		const first = form?.querySelector<HTMLElement>("[aria-invalid=true]");
		(first ?? alertRef.current)?.focus();
	}, [attempt]);

	const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
		event.preventDefault();
		if (pending) return;
		const values = Object.fromEntries([...new FormData(event.currentTarget)].map(([k, v]) => [k, String(v)]));
		const found = validate(values);
		setFormError(undefined);
		setErrors(found);
		if (Object.keys(found).length) return setAttempt((n) => n + 1);
		setPending(true);
		try {
			await submit(values);
		} catch (error) {
			const described = describeAuthError(toAuthRequestError(error as AuthRequestError), labels);
			if (described.field && described.field in values) setErrors({ [described.field]: described.message });
			else setFormError(described.message);
			setAttempt((n) => n + 1);
		} finally {
			setPending(false);
		}
	};

	return { formRef, alertRef, errors, formError, pending, canSubmit: hydrated && !pending, onSubmit };
}

/** The form-level message: announced when it appears, focusable so focus can land on it. */
export function FormAlert({ message, alertRef, className }: { message?: string; alertRef: React.Ref<HTMLParagraphElement>; className?: string }) {
	return (
		// Always in the page (empty when quiet), so screen readers announce what appears in it.
		<p ref={alertRef} role="alert" tabIndex={-1} className={cx("gh-alert", className)}>
			{message}
		</p>
	);
}

/** A same-site link that goes through the provider's `navigate` (client-side routing) when it can. */
export function AuthLink({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
	const { navigate } = useAuthContext("AuthLink");
	return (
		<a
			href={to}
			className={cx("gh-link", className)}
			onClick={(event) => {
				if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
				event.preventDefault();
				// Carry a pending redirect over to the other form.
				const redirect = new URLSearchParams(window.location.search).get("redirectTo");
				navigate(redirect ? `${to}${to.includes("?") ? "&" : "?"}redirectTo=${encodeURIComponent(redirect)}` : to);
			}}
		>
			{children}
		</a>
	);
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Adds the email field's error, if any, to `errors`. */
export function checkEmail(email: string | undefined, labels: Labels, errors: FieldErrors): FieldErrors {
	const value = email?.trim() ?? "";
	if (!value) errors.email = labels.errors.required(labels.email);
	else if (!EMAIL_PATTERN.test(value)) errors.email = labels.errors.invalidEmail;
	return errors;
}
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_ANSWER_LENGTH = 2000;

import type { Labels } from "./labels.js";

/** A failed call to the auth server, reduced to what the kit needs to explain it. */
export class AuthRequestError extends Error {
	override name = "AuthRequestError";
	constructor(
		/** HTTP status; 0 when the server could not be reached at all. */
		readonly status: number,
		/** The server's error code (`INVALID_EMAIL_OR_PASSWORD`, `RATE_LIMITED`, …), if it sent one. */
		readonly code: string | undefined,
		message: string,
		/** The form field the server blamed, if any. */
		readonly field?: string,
		/** Seconds to wait, for 429. */
		readonly retryAfter?: number,
	) {
		super(message);
	}
}

type ErrorLike = { status?: number; code?: string; message?: string; field?: string; retryAfter?: number };

export function toAuthRequestError(error: unknown): AuthRequestError {
	if (error instanceof AuthRequestError) return error;
	// A fetch that never reached the server rejects with a TypeError and has no status.
	const e = (error ?? {}) as ErrorLike;
	const status = typeof e.status === "number" ? e.status : 0;
	return new AuthRequestError(status, e.code, e.message ?? "Request failed", e.field, e.retryAfter);
}

/** Which field an error belongs to, and the sentence to show, in the user's language. */
export function describeAuthError(error: AuthRequestError, labels: Labels, minPasswordLength = 8): { field?: string; message: string } {
	const { errors } = labels;
	switch (error.code) {
		case "INVALID_EMAIL_OR_PASSWORD":
			return { message: errors.invalidCredentials };
		case "USER_ALREADY_EXISTS":
		case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
			return { field: "email", message: errors.userExists };
		case "INVALID_EMAIL":
			return { field: "email", message: errors.invalidEmail };
		case "PASSWORD_TOO_SHORT":
			return { field: "password", message: errors.passwordTooShort(minPasswordLength) };
		case "PASSWORD_TOO_LONG":
			return { field: "password", message: errors.passwordTooLong(128) };
		case "INVALID_TOKEN":
			return { message: errors.invalidResetLink };
		case "PROFILE_FIELD_TOO_LONG":
			return { field: error.field, message: errors.tooLong(fieldLabel(error.field, labels), 2000) };
	}
	if (error.status === 429) return { message: errors.rateLimited(error.retryAfter ?? 60) };
	if (error.status === 0) return { message: errors.serverUnreachable };
	if (error.status >= 500) return { message: errors.serverUnavailable };
	return { field: error.field, message: errors.generic };
}

function fieldLabel(field: string | undefined, labels: Labels): string {
	return field === "softwareBackground" ? labels.softwareBackground : field === "hardwareBackground" ? labels.hardwareBackground : "";
}

/** The sign-up profile: short free-text answers, one row per user in `user_profile`. */
export interface Profile {
	softwareBackground: string | null;
	hardwareBackground: string | null;
}

export type ProfileField = keyof Profile;

/** Field name → column and the label used in messages. Add a field here and in PROFILE_TABLE_SQL. */
export const PROFILE_FIELDS: Record<ProfileField, { column: string; label: string }> = {
	softwareBackground: { column: "software_background", label: "Software background" },
	hardwareBackground: { column: "hardware_background", label: "Hardware background" },
};

const FIELD_NAMES = Object.keys(PROFILE_FIELDS) as ProfileField[];

/** Characters (code points) per answer: room for a paragraph, and for every answer imported from Supabase. */
export const PROFILE_ANSWER_MAX_LENGTH = 2000;

export const PROFILE_ERROR_CODES = {
	PROFILE_NOT_AN_OBJECT: "PROFILE_NOT_AN_OBJECT",
	PROFILE_FIELD_UNKNOWN: "PROFILE_FIELD_UNKNOWN",
	PROFILE_FIELD_NOT_TEXT: "PROFILE_FIELD_NOT_TEXT",
	PROFILE_FIELD_TOO_LONG: "PROFILE_FIELD_TOO_LONG",
	PROFILE_FIELD_INVALID_CHARACTERS: "PROFILE_FIELD_INVALID_CHARACTERS",
} as const;

export interface ProfileFieldError {
	code: keyof typeof PROFILE_ERROR_CODES;
	/** The offending field (`profile` when the whole value is wrong). */
	field: string;
	message: string;
}

export type ProfileParseResult = { ok: true; profile: Profile } | { ok: false; error: ProfileFieldError };

/**
 * Validates answers from a request. Trims surrounding whitespace and keeps everything else as
 * typed: unicode, line breaks. A blank answer means "not answered" (null).
 */
export function parseProfile(input: unknown): ProfileParseResult {
	const profile: Profile = { softwareBackground: null, hardwareBackground: null };
	if (input === undefined || input === null) return { ok: true, profile };
	if (typeof input !== "object" || Array.isArray(input)) {
		return fail("PROFILE_NOT_AN_OBJECT", "profile", `The profile must be an object with ${FIELD_NAMES.join(" and ")}.`);
	}
	for (const [field, value] of Object.entries(input)) {
		if (!(field in PROFILE_FIELDS)) {
			return fail("PROFILE_FIELD_UNKNOWN", field, `"${field}" is not a profile field; expected ${FIELD_NAMES.join(" or ")}.`);
		}
		const { label } = PROFILE_FIELDS[field as ProfileField];
		if (value === null || value === undefined) continue;
		if (typeof value !== "string") return fail("PROFILE_FIELD_NOT_TEXT", field, `${label} must be text.`);
		// Postgres text can't hold NUL, and a lone surrogate would be silently replaced: refuse both.
		if (value.includes("\u0000") || !value.isWellFormed()) {
			return fail("PROFILE_FIELD_INVALID_CHARACTERS", field, `${label} contains characters that can't be stored.`);
		}
		const answer = value.trim();
		const length = [...answer].length;
		if (length > PROFILE_ANSWER_MAX_LENGTH) {
			return fail(
				"PROFILE_FIELD_TOO_LONG",
				field,
				`${label} must be at most ${PROFILE_ANSWER_MAX_LENGTH} characters; it has ${length}.`,
			);
		}
		profile[field as ProfileField] = answer === "" ? null : answer;
	}
	return { ok: true, profile };
}

function fail(code: ProfileFieldError["code"], field: string, message: string): ProfileParseResult {
	return { ok: false, error: { code, field, message } };
}

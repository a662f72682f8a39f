import type { SourceUser } from "./supabase-source.js";

/** The choices a project may make differently; each is a command-line flag. */
export interface ImportPolicy {
	/** Users who never confirmed their email: imported with `emailVerified = false`, or left out. @default "import" */
	unconfirmed: "import" | "skip";
	/** Users whose `banned_until` is still ahead. Gatehouse has no bans: imported, they can sign in. @default "skip" */
	banned: "skip" | "import";
	/**
	 * SSO users. `report` leaves them out and exits non-zero until someone decides; `skip` leaves them
	 * out quietly; `import` brings them in with their `sso:<id>` account. @default "report"
	 */
	sso: "report" | "skip" | "import";
	/**
	 * Users whose email another user already holds (differing only in case, or taken in the target).
	 * Never merged: `report` leaves them out and exits non-zero; `skip` leaves them out, the list reviewed. @default "report"
	 */
	conflicts: "report" | "skip";
}

export const DEFAULT_POLICY: ImportPolicy = { unconfirmed: "import", banned: "skip", sso: "report", conflicts: "report" };

/** Why a Supabase user (with their identities, password and profile) is left out. */
export const SKIP_REASONS = {
	deleted: "soft-deleted (deleted_at set)",
	anonymous: "anonymous (is_anonymous)",
	sso: "SSO user (is_sso_user)",
	phone_only: "phone only, no email",
	no_email: "no email and no phone",
	banned: "banned (banned_until ahead)",
	unconfirmed: "email never confirmed (--unconfirmed=skip)",
} as const;

export type SkipReason = keyof typeof SKIP_REASONS;

/**
 * The policy applied to one user, first match wins: deleted, anonymous, SSO, no email, banned,
 * unconfirmed. Returns undefined when the user is imported.
 */
export function skipReason(user: SourceUser, policy: ImportPolicy): SkipReason | undefined {
	if (user.deleted) return "deleted";
	if (user.isAnonymous) return "anonymous";
	if (user.isSsoUser && policy.sso !== "import") return "sso";
	// Gatehouse signs in by email only: a placeholder address would make an account nobody can use.
	if (!user.email) return user.phone ? "phone_only" : "no_email";
	if (user.banned && policy.banned === "skip") return "banned";
	if (!user.emailConfirmedAt && policy.unconfirmed === "skip") return "unconfirmed";
	return undefined;
}

import { createHash } from "node:crypto";
import { isBcryptHash } from "../auth/bcrypt-hash.js";
import { PROFILE_ANSWER_MAX_LENGTH } from "../profile/profile-fields.js";
import type { SourceIdentity, SourceProfile, SourceUser } from "./supabase-source.js";

/** A Better Auth `"user"` row. Timestamps are Postgres text. */
export interface TargetUser {
	id: string;
	name: string;
	email: string;
	emailVerified: boolean;
	image: string | null;
	createdAt: string;
	updatedAt: string;
}

/** A Better Auth `account` row: the password (`credential`) or one OAuth/SSO identity. */
export interface TargetAccount {
	id: string;
	accountId: string;
	providerId: string;
	userId: string;
	password: string | null;
	createdAt: string;
	updatedAt: string;
}

/** A `user_profile` row. */
export interface TargetProfile {
	userId: string;
	softwareBackground: string | null;
	hardwareBackground: string | null;
	createdAt: string;
	updatedAt: string;
}

export interface MappedUser {
	user: TargetUser;
	/** The credential account first (when the user has a password), then one per OAuth/SSO identity. */
	accounts: TargetAccount[];
	profile: TargetProfile | undefined;
	/** Email and phone identities: the user row and the password already stand for them. */
	identitiesWithoutAccount: number;
	/** Profile answers longer than the kit accepts on sign-up; imported whole all the same. */
	answersOverLimit: number;
	/** A password hash in a format the server can't check (argon2, Firebase scrypt): the user must reset it. */
	unsupportedPassword: boolean;
}

/** Supabase provider names that Better Auth spells differently. */
const PROVIDER_NAMES: Record<string, string> = {
	azure: "microsoft",
	linkedin_oidc: "linkedin",
	slack_oidc: "slack",
};

/** Identities that are sign-in methods of the user row itself, not separate accounts. */
const NOT_AN_ACCOUNT = new Set(["email", "phone"]);

/** Creation time unknown in the source: a fixed instant, so that every run writes the same row. */
const UNKNOWN_TIME = "1970-01-01 00:00:00+00";

/** Maps one Supabase user the policy imports; `user.email` must be set. */
export function mapUser(source: SourceUser, identities: SourceIdentity[], profile: SourceProfile | undefined): MappedUser {
	const email = source.email!.toLowerCase();
	const createdAt = source.createdAt ?? source.updatedAt ?? UNKNOWN_TIME;
	const updatedAt = source.updatedAt ?? createdAt;
	const user: TargetUser = {
		id: source.id,
		name: firstText(source.meta.name, source.meta.fullName, source.meta.userName) ?? source.email!.split("@")[0]!,
		email,
		emailVerified: source.emailConfirmedAt !== null,
		image: firstText(source.meta.avatarUrl, source.meta.picture),
		createdAt,
		updatedAt,
	};

	const accounts: TargetAccount[] = [];
	const password = source.encryptedPassword || null;
	if (password) {
		// Better Auth signs in only through this exact row: providerId credential, accountId = user id.
		accounts.push({ id: derivedId("credential", source.id), accountId: source.id, providerId: "credential", userId: source.id, password, createdAt, updatedAt });
	}
	let identitiesWithoutAccount = 0;
	for (const identity of identities) {
		if (NOT_AN_ACCOUNT.has(identity.provider)) {
			identitiesWithoutAccount++;
			continue;
		}
		const identityCreatedAt = identity.createdAt ?? createdAt;
		accounts.push({
			id: derivedId("identity", identity.id),
			accountId: identity.providerId,
			providerId: PROVIDER_NAMES[identity.provider] ?? identity.provider,
			userId: source.id,
			password: null,
			createdAt: identityCreatedAt,
			updatedAt: identity.updatedAt ?? identityCreatedAt,
		});
	}

	let answersOverLimit = 0;
	let targetProfile: TargetProfile | undefined;
	if (profile) {
		// Answers are copied exactly as stored: no trimming, no truncation.
		for (const answer of [profile.softwareBackground, profile.hardwareBackground]) {
			if (answer !== null && codePoints(answer) > PROFILE_ANSWER_MAX_LENGTH) answersOverLimit++;
		}
		const profileCreatedAt = profile.createdAt ?? createdAt;
		targetProfile = {
			userId: source.id,
			softwareBackground: profile.softwareBackground,
			hardwareBackground: profile.hardwareBackground,
			createdAt: profileCreatedAt,
			updatedAt: profile.updatedAt ?? profileCreatedAt,
		};
	}

	return {
		user,
		accounts,
		profile: targetProfile,
		identitiesWithoutAccount,
		answersOverLimit,
		unsupportedPassword: password !== null && !isBcryptHash(password),
	};
}

/**
 * A UUID-shaped id that is the same on every run for the same source row, so a rerun updates
 * the account it made before instead of adding another.
 */
export function derivedId(kind: "credential" | "identity", sourceId: string): string {
	const hex = createHash("sha256").update(`gatehouse-supabase-import:${kind}:${sourceId}`).digest("hex");
	// Version 8 (custom) and the RFC 4122 variant bits, so it reads as a UUID wherever one is expected.
	const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function firstText(...values: (string | null)[]): string | null {
	for (const value of values) {
		const trimmed = value?.trim();
		if (trimmed) return trimmed;
	}
	return null;
}

function codePoints(text: string): number {
	let count = 0;
	for (const _ of text) count++;
	return count;
}

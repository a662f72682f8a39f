import { type ImportPolicy, skipReason } from "./import-policy.js";
import type { SourceUser } from "./supabase-source.js";

/** A user left out because another user keeps the same email, compared without case. */
export interface CaseDuplicate {
	userId: string;
	email: string;
	/** The user who keeps the address. */
	keptUserId: string;
}

/**
 * Supabase compares emails case-sensitively, Better Auth lowercases them: `Ada@x.com` and
 * `ada@x.com` are two Supabase users but one Better Auth address. Among the users the policy
 * imports, the first of each group (the source already ordered them: confirmed, latest sign-in,
 * earliest sign-up, smallest id) keeps the address; the others are returned, by user id.
 */
export function findCaseDuplicates(candidates: SourceUser[], policy: ImportPolicy): Map<string, CaseDuplicate> {
	const keptBy = new Map<string, string>();
	const duplicates = new Map<string, CaseDuplicate>();
	for (const user of candidates) {
		if (!user.email || skipReason(user, policy)) continue;
		const email = user.email.toLowerCase();
		const kept = keptBy.get(email);
		if (kept === undefined) keptBy.set(email, user.id);
		else duplicates.set(user.id, { userId: user.id, email: user.email, keptUserId: kept });
	}
	return duplicates;
}

import type pg from "pg";
import { type CaseDuplicate, findCaseDuplicates } from "./email-collisions.js";
import type { ImportOptions } from "./import-options.js";
import { type ImportPolicy, skipReason } from "./import-policy.js";
import { type MappedUser, mapUser } from "./map-user.js";
import type { Progress } from "./progress.js";
import { KINDS, type Kind, Reconciliation } from "./reconciliation.js";
import type { SourcePage, SupabaseSource } from "./supabase-source.js";
import { type BatchResult, type TargetBatch, countAsNew, writeBatch } from "./target-writer.js";

const KIND_NAMES = Object.keys(KINDS) as Kind[];
const CONCURRENT_BATCHES = 2;

export interface ImportRun {
	source: SupabaseSource;
	target: pg.Pool;
	options: Pick<ImportOptions, "batchSize" | "dryRun" | "policy">;
	/** False when a dry run finds no Gatehouse tables: every row is then new, nothing is queried. */
	targetHasTables: boolean;
	progress: (total: number) => Progress;
}

/**
 * Reads every Supabase user from one snapshot, page by page, applies the policy, and upserts
 * each page in one target transaction. Memory holds three pages at most (two being written, one
 * being read) and the few users whose emails differ only in case.
 */
export async function importUsers({ source, target, options, targetHasTables, progress }: ImportRun): Promise<Reconciliation> {
	const { policy, batchSize, dryRun } = options;
	const report = new Reconciliation(policy, dryRun);
	const totals = await source.counts();
	const caseDuplicates = findCaseDuplicates(await source.caseDuplicateUsers(), policy);
	const bar = progress(totals.users);
	let done = 0;

	// Two batches in flight: Postgres writes one while the next page is read and mapped.
	const writing = new Set<Promise<void>>();
	let failure: { error: unknown } | undefined;
	const write = async (planned: PlannedUser[]) => {
		const batch: TargetBatch = {
			users: planned.map(({ mapped }) => mapped.user),
			accounts: planned.flatMap(({ mapped }) => mapped.accounts),
			profiles: planned.flatMap(({ mapped }) => (mapped.profile ? [mapped.profile] : [])),
		};
		const result = targetHasTables ? await writeBatch(target, batch, { dryRun }) : countAsNew(batch);
		countWritten(report, planned, result);
	};
	try {
		for await (const page of source.pages(batchSize)) {
			const task: Promise<void> = write(planBatch(page, caseDuplicates, report, policy))
				.then(() => bar.update((done += page.users.length)))
				.catch((error: unknown) => void (failure ??= { error }))
				.finally(() => writing.delete(task));
			writing.add(task);
			if (writing.size >= CONCURRENT_BATCHES) await Promise.race(writing);
			if (failure) throw failure.error;
		}
	} finally {
		// Never leave a batch running behind the caller's back (it closes the pool next).
		await Promise.all(writing);
	}
	if (failure) throw failure.error;
	bar.finish(done);

	// Rows no user of the snapshot owns (possible only without foreign keys) were never read with one.
	for (const kind of ["identities", "profiles"] as const) {
		const orphans = totals[kind] - report.counts[kind].read;
		report.read(kind, orphans);
		report.skipped(kind, "orphan", orphans);
	}
	return report;
}

function countWritten(report: Reconciliation, planned: PlannedUser[], result: BatchResult): void {
	report.written("users", result.users);
	report.written("passwords", result.credentials);
	report.written("identities", result.providerAccounts);
	report.written("profiles", result.profiles);
	const taken = new Map(result.taken.map((row) => [row.userId, row]));
	for (const { mapped, rows } of planned) {
		const refused = taken.get(mapped.user.id);
		if (refused) {
			report.conflict({ userId: refused.userId, email: refused.email, reason: "taken", keptUserId: refused.ownerId }, rows);
			continue;
		}
		report.skipped("identities", "not_an_account", mapped.identitiesWithoutAccount);
		report.answersOverLimit += mapped.answersOverLimit;
		if (mapped.unsupportedPassword) report.unsupportedPasswords++;
		for (const account of mapped.accounts) if (account.providerId !== "credential") report.provider(account.providerId);
	}
}

interface PlannedUser {
	mapped: MappedUser;
	/** The user's rows of each kind, counted as conflicts whole if the target refuses the email. */
	rows: Record<Kind, number>;
}

/**
 * Applies the policy to one page: the users to write, each with its row counts (so that a user
 * the target refuses can be counted as a conflict whole). Skips and case conflicts are counted here.
 */
function planBatch(page: SourcePage, caseDuplicates: Map<string, CaseDuplicate>, report: Reconciliation, policy: ImportPolicy): PlannedUser[] {
	const planned: PlannedUser[] = [];
	// Postgres's lower() and JavaScript's toLowerCase() can disagree outside ASCII: the page itself
	// must not hold one address twice, or its insert would fail every time.
	const emailsInBatch = new Map<string, string>();
	for (const user of page.users) {
		const identities = page.identities.get(user.id) ?? [];
		const profile = page.profiles.get(user.id);
		const rows: Record<Kind, number> = { users: 1, passwords: user.encryptedPassword ? 1 : 0, identities: identities.length, profiles: profile ? 1 : 0 };
		for (const kind of KIND_NAMES) report.read(kind, rows[kind]);

		const reason = skipReason(user, policy);
		if (reason) {
			for (const kind of KIND_NAMES) report.skipped(kind, reason, rows[kind]);
			continue;
		}
		const email = user.email!.toLowerCase();
		const keptUserId = caseDuplicates.get(user.id)?.keptUserId ?? emailsInBatch.get(email);
		if (keptUserId) {
			report.conflict({ userId: user.id, email: user.email!, reason: "case_duplicate", keptUserId }, rows);
			continue;
		}
		emailsInBatch.set(email, user.id);
		planned.push({ mapped: mapUser(user, identities, profile), rows });
	}
	return planned;
}

import { type ImportPolicy, SKIP_REASONS } from "./import-policy.js";
import type { WriteCounts } from "./target-writer.js";

/** What is counted: each source table, and the passwords inside auth.users. */
export const KINDS = {
	users: "users (auth.users → user)",
	passwords: "passwords (→ credential account)",
	identities: "identities (→ provider account)",
	profiles: "profiles (→ user_profile)",
} as const;

export type Kind = keyof typeof KINDS;

/** Why a row was not written: the policy that left its user out, or a reason of its own. */
export const ROW_SKIP_REASONS = {
	...SKIP_REASONS,
	not_an_account: "email/phone identity (the user row stands for it)",
	orphan: "profile of no auth user",
} as const;

export type RowSkipReason = keyof typeof ROW_SKIP_REASONS;

export interface KindCounts {
	read: number;
	imported: number;
	updated: number;
	/** Left as they were: already as the source has them, or changed in Gatehouse more recently. */
	unchanged: number;
	skipped: Partial<Record<RowSkipReason, number>>;
	conflicts: number;
}

export interface Conflict {
	userId: string;
	/** As Supabase spells it (case duplicates), or as the target holds it (taken). */
	email: string;
	/** `case_duplicate`: another Supabase user has the same email but for case; `taken`: the target has it under another id. */
	reason: "case_duplicate" | "taken";
	/** The user who keeps the address. */
	keptUserId: string;
}

export interface ReportJson {
	dryRun: boolean;
	policy: ImportPolicy;
	counts: Record<Kind, KindCounts>;
	/** read = imported + updated + unchanged + skipped + conflicts, for every kind. */
	totalsAddUp: boolean;
	conflicts: Conflict[];
	/** Conflicts beyond those listed. */
	conflictsNotListed: number;
	/** Provider accounts by provider: each needs that provider configured in Gatehouse to sign in. */
	providers: Record<string, number>;
	warnings: string[];
	needsDecision: string[];
	run: RunStats;
}

export interface RunStats {
	/** From start to report: connecting, creating the tables, and the rows. */
	seconds: number;
	/** Reading, mapping and writing the rows, once both databases are ready. */
	rowSeconds: number;
	/** Users read per second of `rowSeconds`. */
	usersPerSecond: number;
	/** The most memory the process held at once. */
	peakRssMiB: number;
}

/** Enough to review; the count says how many more. Keeps memory flat whatever the source holds. */
const MAX_CONFLICTS_LISTED = 1000;

/** The counts of one run, which must add up, and what a person has to look at. */
export class Reconciliation {
	readonly counts: Record<Kind, KindCounts>;
	private readonly conflicts: Conflict[] = [];
	private conflictsNotListed = 0;
	private readonly providers = new Map<string, number>();
	answersOverLimit = 0;
	unsupportedPasswords = 0;

	constructor(
		private readonly policy: ImportPolicy,
		private readonly dryRun: boolean,
	) {
		const empty = (): KindCounts => ({ read: 0, imported: 0, updated: 0, unchanged: 0, skipped: {}, conflicts: 0 });
		this.counts = { users: empty(), passwords: empty(), identities: empty(), profiles: empty() };
	}

	read(kind: Kind, n: number): void {
		this.counts[kind].read += n;
	}

	written(kind: Kind, { imported, updated, unchanged }: WriteCounts): void {
		const counts = this.counts[kind];
		counts.imported += imported;
		counts.updated += updated;
		counts.unchanged += unchanged;
	}

	skipped(kind: Kind, reason: RowSkipReason, n = 1): void {
		if (n === 0) return;
		const { skipped } = this.counts[kind];
		skipped[reason] = (skipped[reason] ?? 0) + n;
	}

	/** A user left out over their email; `rows` counts that user's rows of each kind. */
	conflict(conflict: Conflict, rows: Record<Kind, number>): void {
		for (const kind of Object.keys(rows) as Kind[]) this.counts[kind].conflicts += rows[kind];
		if (this.conflicts.length < MAX_CONFLICTS_LISTED) this.conflicts.push(conflict);
		else this.conflictsNotListed++;
	}

	provider(providerId: string, n = 1): void {
		this.providers.set(providerId, (this.providers.get(providerId) ?? 0) + n);
	}

	private usersPerSecond(rowSeconds: number): number {
		return Math.round(this.counts.users.read / Math.max(rowSeconds, 1e-3));
	}

	totalsAddUp(): boolean {
		return Object.values(this.counts).every((c) => c.read === c.imported + c.updated + c.unchanged + sum(c.skipped) + c.conflicts);
	}

	warnings(): string[] {
		const warnings: string[] = [];
		if (this.answersOverLimit) {
			warnings.push(
				`${plural(this.answersOverLimit, "profile answer is", "profile answers are")} longer than 2000 characters: imported whole, but the profile form accepts at most 2000, so saving it unchanged will be refused.`,
			);
		}
		if (this.unsupportedPasswords) {
			warnings.push(
				`${plural(this.unsupportedPasswords, "password hash is", "password hashes are")} not bcrypt (argon2, Firebase scrypt): imported as they are, but Gatehouse can't check them; those users must reset their password.`,
			);
		}
		return warnings;
	}

	needsDecision(): string[] {
		const decisions: string[] = [];
		const conflicted = this.counts.users.conflicts;
		if (conflicted && this.policy.conflicts === "report") {
			decisions.push(
				`${plural(conflicted, "user was", "users were")} left out because another user has the same email (listed above); merge or rename them in Supabase, or accept with --conflicts=skip.`,
			);
		}
		const sso = this.counts.users.skipped.sso ?? 0;
		if (sso && this.policy.sso === "report") {
			decisions.push(`${plural(sso, "SSO user was", "SSO users were")} left out; bring them in with --sso=import, or leave them out with --sso=skip.`);
		}
		if (!this.totalsAddUp()) decisions.push("The counts do not add up: some rows are unaccounted for; please report this as a bug.");
		return decisions;
	}

	toJSON({ seconds, rowSeconds, peakRssMiB }: Omit<RunStats, "usersPerSecond">): ReportJson {
		return {
			dryRun: this.dryRun,
			policy: this.policy,
			counts: this.counts,
			totalsAddUp: this.totalsAddUp(),
			conflicts: this.conflicts,
			conflictsNotListed: this.conflictsNotListed,
			providers: Object.fromEntries([...this.providers].sort()),
			warnings: this.warnings(),
			needsDecision: this.needsDecision(),
			run: {
				seconds: round(seconds, 2),
				rowSeconds: round(rowSeconds, 2),
				usersPerSecond: this.usersPerSecond(rowSeconds),
				peakRssMiB: round(peakRssMiB, 1),
			},
		};
	}

	/** The report as a person reads it. */
	render({ seconds, rowSeconds }: Pick<RunStats, "seconds" | "rowSeconds">): string {
		const kinds = Object.keys(KINDS) as Kind[];
		const head = ["read", "imported", "updated", "unchanged", "skipped", "conflicts"];
		const width = Math.max(...Object.values(KINDS).map((label) => label.length)) + 2;
		const lines = [
			this.dryRun ? "DRY RUN: nothing was written; the numbers are what a real run would do now." : "",
			`${"".padEnd(width)}${head.map((h) => h.padStart(11)).join("")}`,
			...kinds.map((kind) => {
				const c = this.counts[kind];
				const cells = [c.read, c.imported, c.updated, c.unchanged, sum(c.skipped), c.conflicts];
				return `${KINDS[kind].padEnd(width)}${cells.map((n) => n.toLocaleString("en-US").padStart(11)).join("")}`;
			}),
			this.totalsAddUp()
				? "Totals add up: on every line, read = imported + updated + unchanged + skipped + conflicts."
				: "TOTALS DO NOT ADD UP: some rows are unaccounted for.",
		].filter((line) => line !== "");

		const reasons = Object.keys(ROW_SKIP_REASONS).filter((reason) => kinds.some((kind) => this.counts[kind].skipped[reason as RowSkipReason])) as RowSkipReason[];
		if (reasons.length) {
			const reasonWidth = Math.max(...reasons.map((reason) => ROW_SKIP_REASONS[reason].length)) + 4;
			lines.push("", `${"skipped, by reason".padEnd(reasonWidth)}${kinds.map((kind) => kind.padStart(12)).join("")}`);
			for (const reason of reasons) {
				const cells = kinds.map((kind) => String(this.counts[kind].skipped[reason] ?? 0).padStart(12));
				lines.push(`  ${ROW_SKIP_REASONS[reason].padEnd(reasonWidth - 2)}${cells.join("")}`);
			}
		}
		if (this.conflicts.length) {
			lines.push("", "conflicts (left out, never merged):");
			for (const c of this.conflicts) {
				lines.push(
					`  user ${c.userId}  ${c.email}  ${c.reason === "taken" ? `the target already has this email as user ${c.keptUserId}` : `same email but for case as user ${c.keptUserId}, who keeps it`}`,
				);
			}
			if (this.conflictsNotListed) lines.push(`  … and ${this.conflictsNotListed} more`);
		}
		if (this.providers.size) {
			const list = [...this.providers].sort().map(([provider, n]) => `${provider} ${n}`);
			lines.push("", `provider accounts: ${list.join(", ")} (they sign in once Gatehouse has these providers configured)`);
		}
		const warnings = this.warnings();
		if (warnings.length) lines.push("", "warnings:", ...warnings.map((w) => `  ${w}`));
		const decisions = this.needsDecision();
		if (decisions.length) lines.push("", "needs a decision (exit code 1):", ...decisions.map((d) => `  ${d}`));
		lines.push(
			"",
			`${this.counts.users.read.toLocaleString("en-US")} users in ${seconds.toFixed(1)} s (${this.usersPerSecond(rowSeconds).toLocaleString("en-US")}/s once both databases were ready).`,
		);
		return lines.join("\n");
	}
}

function sum(skipped: KindCounts["skipped"]): number {
	return Object.values(skipped).reduce((total, n) => total + (n ?? 0), 0);
}

function plural(n: number, one: string, many: string): string {
	return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

function round(value: number, digits: number): number {
	return Number(value.toFixed(digits));
}

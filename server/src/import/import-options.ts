import { DEFAULT_POLICY, type ImportPolicy } from "./import-policy.js";
import { ImportError } from "./import-error.js";

export interface ImportOptions {
	/** Supabase's Postgres; only ever read. */
	sourceUrl: string;
	/** Gatehouse's Postgres. */
	targetUrl: string;
	/** Do everything, then roll back: the report says what a real run would do. */
	dryRun: boolean;
	/** Users per page read and per transaction written. @default 2000 */
	batchSize: number;
	/** Print the report as JSON on stdout instead of a table. */
	json: boolean;
	policy: ImportPolicy;
}

export const DEFAULT_BATCH_SIZE = 2000;
const MAX_BATCH_SIZE = 50_000;

export const USAGE = `Usage: npm run import:supabase -- [--dry-run] [--batch-size=N] [--json]
       [--unconfirmed=import|skip] [--banned=skip|import] [--sso=report|skip|import] [--conflicts=report|skip]
Environment: FROM_DATABASE_URL (Supabase, read only), TO_DATABASE_URL or DATABASE_URL (Gatehouse).`;

type Env = Record<string, string | undefined>;

const CHOICES: { [Key in keyof ImportPolicy]: readonly ImportPolicy[Key][] } = {
	unconfirmed: ["import", "skip"],
	banned: ["skip", "import"],
	sso: ["report", "skip", "import"],
	conflicts: ["report", "skip"],
};

/** Reads flags and environment; anything wrong is an ImportError naming the flag or variable. */
export function parseImportOptions(argv: string[], env: Env): ImportOptions | "help" {
	const policy: ImportPolicy = { ...DEFAULT_POLICY };
	let dryRun = false;
	let json = false;
	let batchSize = DEFAULT_BATCH_SIZE;
	for (const arg of argv) {
		const [flag = "", value] = splitFlag(arg);
		if (flag === "--help" || flag === "-h") return "help";
		if (flag === "--dry-run" && value === undefined) dryRun = true;
		else if (flag === "--json" && value === undefined) json = true;
		else if (flag === "--batch-size") batchSize = readBatchSize(value);
		else if (flag.startsWith("--") && Object.hasOwn(CHOICES, flag.slice(2))) readChoice(policy, flag.slice(2) as keyof ImportPolicy, value);
		else throw new ImportError(`Unknown option "${arg}".\n${USAGE}`);
	}
	return {
		sourceUrl: readUrl("FROM_DATABASE_URL", env.FROM_DATABASE_URL),
		targetUrl: env.TO_DATABASE_URL?.trim()
			? readUrl("TO_DATABASE_URL", env.TO_DATABASE_URL)
			: readUrl("TO_DATABASE_URL (or DATABASE_URL)", env.DATABASE_URL),
		dryRun,
		batchSize,
		json,
		policy,
	};
}

function splitFlag(arg: string): [string, string | undefined] {
	const equals = arg.indexOf("=");
	return equals === -1 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
}

function readBatchSize(value: string | undefined): number {
	const n = Number(value);
	if (!value || !/^\d+$/.test(value) || n < 1 || n > MAX_BATCH_SIZE) {
		throw new ImportError(`--batch-size must be a whole number from 1 to ${MAX_BATCH_SIZE}, got "${value ?? ""}".`);
	}
	return n;
}

function readChoice<Key extends keyof ImportPolicy>(policy: ImportPolicy, key: Key, value: string | undefined): void {
	const choices = CHOICES[key] as readonly string[];
	if (value === undefined || !choices.includes(value)) {
		throw new ImportError(`--${key} must be one of ${choices.join(", ")}, got "${value ?? ""}".`);
	}
	policy[key] = value as ImportPolicy[Key];
}

function readUrl(name: string, raw: string | undefined): string {
	const value = raw?.trim();
	if (!value) {
		throw new ImportError(`${name} is not set: give it the Postgres URL, e.g. postgresql://user:password@host:5432/postgres.`);
	}
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new ImportError(`${name} is not a valid URL: expected postgresql://user:password@host/db (check for unescaped characters in the password).`);
	}
	if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
		throw new ImportError(`${name} must start with postgresql://, got "${url.protocol}//…".`);
	}
	return value;
}

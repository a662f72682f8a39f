// `npm run import:supabase`: copy Supabase's users, identities and profiles into Gatehouse's
// tables, passwords included. README, "Moving users from Supabase", says what it does and why.
// Exit codes: 0 done, 1 done but something needs a person's decision, 2 could not run.
import { randomBytes } from "node:crypto";
import dotenv from "dotenv";
import type pg from "pg";
import { describeUrl } from "../db/describe-url.js";
import { createPostgresPool } from "../db/pool.js";
import { withRetry } from "../db/transient.js";
import { describeError } from "../logger.js";
import { ImportError } from "./import-error.js";
import { type ImportOptions, USAGE, parseImportOptions } from "./import-options.js";
import { importUsers } from "./import-users.js";
import { createProgress } from "./progress.js";
import { SupabaseSource } from "./supabase-source.js";

dotenv.config({ quiet: true });
const say = (line: string) => process.stderr.write(`import: ${line}\n`);

try {
	const options = parseImportOptions(process.argv.slice(2), process.env);
	if (options === "help") console.log(USAGE);
	else process.exitCode = await run(options);
} catch (error) {
	say(error instanceof ImportError ? error.message : `failed: ${describeError(error)}`);
	process.exitCode = 2;
}

async function run(options: ImportOptions): Promise<number> {
	const started = performance.now();
	say(`from ${describeUrl(options.sourceUrl)} to ${describeUrl(options.targetUrl)}${options.dryRun ? ", dry run: nothing will be written" : ""}`);
	const source = await SupabaseSource.open(options.sourceUrl);
	const target = createPostgresPool(options.targetUrl, () => {});
	try {
		const targetHasTables = await prepareTarget(target, options);
		if (!source.hasProfiles) say("the source has no public.profiles table: there are no profiles to import");
		const ready = performance.now();
		const report = await importUsers({
			source,
			target,
			options,
			targetHasTables,
			progress: (total) => createProgress(total, process.stderr),
		});
		const stats = {
			seconds: (performance.now() - started) / 1000,
			rowSeconds: (performance.now() - ready) / 1000,
			peakRssMiB: process.resourceUsage().maxRSS / 1024,
		};
		if (options.json) process.stdout.write(`${JSON.stringify(report.toJSON(stats), null, 2)}\n`);
		else process.stdout.write(`${report.render(stats)}\n`);
		return report.needsDecision().length > 0 ? 1 : 0;
	} finally {
		await source.close();
		await target.end();
	}
}

/**
 * Creates or upgrades Gatehouse's tables, as the server does on start. A dry run changes
 * nothing: it only asks whether the tables are there.
 */
async function prepareTarget(pool: pg.Pool, options: ImportOptions): Promise<boolean> {
	const where = `the target database (${describeUrl(options.targetUrl)})`;
	try {
		// The pool itself retries connecting for a while (a Neon compute waking up).
		await pool.query("SELECT 1");
	} catch (error) {
		throw new ImportError(`Could not connect to ${where}: ${(error as Error).message}.`);
	}
	if (options.dryRun) {
		const { rows } = await pool.query<{ present: number }>(
			`SELECT (to_regclass('public."user"') IS NOT NULL)::int + (to_regclass('public.account') IS NOT NULL)::int
				+ (to_regclass('public.user_profile') IS NOT NULL)::int AS present`,
		);
		const present = rows[0]!.present;
		if (present === 0) say("the target has no Gatehouse tables yet: every row counts as new");
		else if (present < 3) throw new ImportError(`${where} has some of Gatehouse's tables but not all: run \`npm run migrate\` against it first.`);
		return present === 3;
	}
	const { migrate } = await import("../db/migrate.js");
	const authOptions = await schemaOptions(pool);
	await withRetry(() => migrate(pool, authOptions));
	return true;
}

/**
 * The server's Better Auth options, which decide the schema. Nothing is signed during an import,
 * so a throwaway secret serves. Better Auth (here and in `migrate`) is loaded only when needed:
 * it takes a second, which a dry run or a mistyped flag need not wait for.
 */
async function schemaOptions(pool: pg.Pool) {
	const { createAuth } = await import("../auth/create-auth.js");
	const { createKysely } = await import("../db/kysely.js");
	const silent = { info() {}, warn() {}, error() {} };
	const config = {
		baseURL: "http://localhost",
		secret: randomBytes(32).toString("base64url"),
		trustedOrigins: [],
		cookieSameSite: "lax" as const,
		sessionCookieCacheSeconds: 0,
		requireEmailVerification: false,
	};
	return createAuth(config, createKysely(pool), silent).options;
}

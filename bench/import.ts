// `npm run bench -- import`: the Supabase import on generated users, against its physical floor,
// a raw COPY of the very rows it wrote into the same (empty, migrated) tables, timed in the same run.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import pgCopy from "pg-copy-streams";
import type { ReportJson } from "../server/src/import/reconciliation.js";
import { runImport } from "../server/test/support/import-command.js";
import { type TestDatabase, createTestDatabase } from "../server/test/support/postgres.js";
import { createSupabaseDatabase, generateSupabaseUsers } from "../server/test/support/supabase-fixture.js";

/**
 * Smaller runs first, so memory can be compared. V8 lets its heap grow to a ceiling before its
 * first full collection (reached after some 40,000 users here): flat means no growth past it.
 */
const SIZES = (process.env.BENCH_IMPORT_USERS ?? "10000,50000,100000").split(",").map(Number);
const TABLES = [`"user"`, "account", "user_profile"];

interface Measured {
	users: number;
	wallSeconds: number;
	report: ReportJson;
	copySeconds: number;
}

export async function benchImport(): Promise<void> {
	console.log(`\nSupabase import: generated users (identities, profiles, every edge case), ${new Date().toISOString()}`);
	console.log("the machine is shared: compare the ratio within one run, not absolute seconds across runs");
	const results: Measured[] = [];
	for (const users of SIZES) results.push(await measure(users));

	const row = (cells: string[]) => console.log(cells.map((cell, i) => cell.padStart(i === 0 ? 8 : 12)).join(""));
	row(["users", "wall", "run", "rows", "users/s", "peak RSS", "raw COPY", "rows/COPY", "wall/COPY"]);
	for (const m of results) {
		const { seconds, rowSeconds, usersPerSecond, peakRssMiB } = m.report.run;
		row([
			m.users.toLocaleString("en-US"),
			`${m.wallSeconds.toFixed(1)} s`,
			`${seconds.toFixed(1)} s`,
			`${rowSeconds.toFixed(1)} s`,
			usersPerSecond.toLocaleString("en-US"),
			`${peakRssMiB.toFixed(0)} MiB`,
			`${m.copySeconds.toFixed(1)} s`,
			`${(rowSeconds / m.copySeconds).toFixed(2)}×`,
			`${(m.wallSeconds / m.copySeconds).toFixed(2)}×`,
		]);
	}
	console.log(
		"wall: the process from start to exit; run: from the first connection on (tables created); rows: reading, mapping and writing the rows",
	);
	const big = results.at(-1)!;
	const small = results.at(-2) ?? big;
	const ratio = big.report.run.rowSeconds / big.copySeconds;
	const checks = [
		[`100k users in ≤ 30 s (wall): ${big.wallSeconds.toFixed(1)} s`, big.users < 100_000 || big.wallSeconds <= 30],
		[`rows ≤ 3× the raw COPY of the same rows: ${ratio.toFixed(2)}× (whole process: ${(big.wallSeconds / big.copySeconds).toFixed(2)}×)`, ratio <= 3],
		[
			`flat memory: peak RSS ${results.map((m) => `${m.report.run.peakRssMiB.toFixed(0)} MiB at ${m.users.toLocaleString("en-US")}`).join(", ")} users`,
			big.report.run.peakRssMiB <= small.report.run.peakRssMiB * 1.1 + 16,
		],
	] as const;
	for (const [label, ok] of checks) console.log(`${ok ? "ok    " : "MISSED"} ${label}`);
}

async function measure(users: number): Promise<Measured> {
	const source = await createSupabaseDatabase();
	const target = await createTestDatabase();
	const floor = await createTestDatabase();
	try {
		await generateSupabaseUsers(source.url, 1, users);
		// Creates the tables on the floor database exactly as the import does, with nothing to import.
		const empty = await createSupabaseDatabase();
		await importInto({ FROM_DATABASE_URL: empty.url, TO_DATABASE_URL: floor.url }).finally(() => empty.drop());

		const started = performance.now();
		const report = await importInto({ FROM_DATABASE_URL: source.url, TO_DATABASE_URL: target.url });
		const wallSeconds = (performance.now() - started) / 1000;
		if (!report.totalsAddUp) throw new Error("the import's totals do not add up");
		const copySeconds = await copyTables(target, floor);
		return { users, wallSeconds, report, copySeconds };
	} finally {
		await Promise.all([source.drop(), target.drop(), floor.drop()]);
	}
}

/** The import in its own process; SSO users imported and conflicts accepted, so it exits 0. */
async function importInto(env: Record<string, string>): Promise<ReportJson> {
	const result = await runImport(env, ["--json", "--sso=import", "--conflicts=skip"]);
	if (result.code !== 0 || !result.report) throw new Error(`import exited ${result.code}:\n${result.stderr}`);
	return result.report;
}

/** Copies out what the import wrote (untimed), then times COPY … FROM STDIN of it into the empty tables. */
async function copyTables(from: TestDatabase, to: TestDatabase): Promise<number> {
	const source = new pg.Client({ connectionString: from.url });
	const target = new pg.Client({ connectionString: to.url });
	await Promise.all([source.connect(), target.connect()]);
	try {
		const data: Buffer[][] = [];
		for (const table of TABLES) {
			const chunks: Buffer[] = [];
			for await (const chunk of source.query(pgCopy.to(`COPY ${table} TO STDOUT`))) chunks.push(chunk as Buffer);
			data.push(chunks);
		}
		const started = performance.now();
		for (const [i, table] of TABLES.entries()) {
			await pipeline(Readable.from(data[i]!), target.query(pgCopy.from(`COPY ${table} FROM STDIN`)));
		}
		return (performance.now() - started) / 1000;
	} finally {
		await Promise.all([source.end(), target.end()]);
	}
}

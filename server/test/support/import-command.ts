import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { ReportJson } from "../../src/import/reconciliation.js";

export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

export interface ImportResult {
	code: number | null;
	stdout: string;
	stderr: string;
	/** The parsed report when run with --json and it printed one. */
	report: ReportJson | undefined;
}

/** Runs `npm run import:supabase`'s entry point as its own process, as a person would. */
export function spawnImport(env: Record<string, string>, args: string[] = []) {
	const child = spawn(process.execPath, ["--import", "tsx", "server/src/import/main.ts", ...args], {
		cwd: repoRoot,
		env: { PATH: process.env.PATH ?? "", ...env },
		stdio: ["ignore", "pipe", "pipe"],
	});
	let stdout = "";
	let stderr = "";
	child.stdout.on("data", (chunk) => (stdout += chunk));
	child.stderr.on("data", (chunk) => (stderr += chunk));
	const result = new Promise<ImportResult>((resolve) =>
		child.on("close", (code) => {
			let report: ReportJson | undefined;
			try {
				report = args.includes("--json") && stdout ? JSON.parse(stdout) : undefined;
			} catch {}
			resolve({ code, stdout, stderr, report });
		}),
	);
	return { child, result };
}

export function runImport(env: Record<string, string>, args: string[] = []): Promise<ImportResult> {
	return spawnImport(env, args).result;
}

/** Every row of the tables the import writes, as Postgres prints them (microseconds and all). */
export async function dumpImportedTables(url: string): Promise<Record<string, string>> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const dump: Record<string, string> = {};
		for (const [table, key] of [[`"user"`, "id"], ["account", "id"], ["user_profile", "user_id"]] as const) {
			const { rows } = await client.query(`SELECT coalesce(json_agg(t ORDER BY ${key})::text, '[]') AS rows FROM ${table} t`);
			dump[table] = rows[0].rows;
		}
		return dump;
	} finally {
		await client.end();
	}
}

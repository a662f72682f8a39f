import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import type { Figure } from "./figures.js";

declare module "vitest" {
	export interface ProvidedContext {
		figuresFile: string;
	}
}

/** Gives the test files a place to record figures, then prints them as one table when the run ends. */
export default function setup(project: TestProject) {
	const dir = mkdtempSync(join(tmpdir(), "gatehouse-figures-"));
	const file = join(dir, "figures.jsonl");
	project.provide("figuresFile", file);
	return () => {
		const figures: Figure[] = existsSync(file)
			? readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line))
			: [];
		rmSync(dir, { recursive: true, force: true });
		if (figures.length) console.log(`\n${formatTable(figures)}\n`);
	};
}

function formatTable(figures: Figure[]): string {
	const rows = [["scenario", "result", "lost"], ...figures.map((f) => [f.scenario, f.result, f.lost === undefined ? "" : `lost: ${f.lost}`])];
	const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
	const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
	return ["Reliability figures", line(rows[0]!), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.slice(1).map(line)].join("\n");
}

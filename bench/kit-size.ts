// The kit's weight in a browser bundle, next to the bare building blocks it is made of, measured
// as shared/notes/peers.md does: esbuild --bundle --minify, react and react-dom external, gzip -9.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));

interface Size {
	/** Code loaded with the page. */
	initial: { min: number; gzip: number };
	/** Chunks loaded later (the dialog), if any. */
	lazy: { min: number; gzip: number };
}

/** Bundles `source` as a page would (code splitting on) and measures each chunk. */
async function measure(source: string): Promise<Size> {
	const dir = mkdtempSync(join(root, "bench", ".size-"));
	try {
		writeFileSync(join(dir, "entry.js"), source);
		const result = await build({
			entryPoints: [join(dir, "entry.js")],
			bundle: true,
			minify: true,
			splitting: true,
			format: "esm",
			platform: "browser",
			target: "es2020",
			jsx: "automatic",
			legalComments: "none",
			define: { "process.env.NODE_ENV": '"production"' },
			external: ["react", "react-dom", "react/*", "react-dom/*"],
			outdir: join(dir, "out"),
			metafile: true,
			logLevel: "error",
		});
		const size: Size = { initial: { min: 0, gzip: 0 }, lazy: { min: 0, gzip: 0 } };
		const entry = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint)![0];
		const initial = new Set([entry, ...result.metafile.outputs[entry]!.imports.filter((i) => i.kind === "import-statement").map((i) => i.path)]);
		for (const file of readdirSync(join(dir, "out"))) {
			const bytes = readFileSync(join(dir, "out", file));
			const bucket = [...initial].some((path) => path.endsWith(file)) ? size.initial : size.lazy;
			bucket.min += bytes.length;
			bucket.gzip += gzipSync(bytes, { level: 9 }).length;
		}
		return size;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function benchKitSize(): Promise<void> {
	execFileSync("npm", ["run", "--silent", "build", "-w", "@gatehouse/react"], { cwd: root, stdio: "inherit" });
	const kib = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
	const rows: [string, Size, string][] = [
		[
			"building blocks: Better Auth client + React Query + Radix Dialog",
			await measure(`
				export { createAuthClient } from "better-auth/client";
				export { jwtClient } from "better-auth/client/plugins";
				export { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
				export * as Dialog from "@radix-ui/react-dialog";`),
			"baseline",
		],
		[
			"building blocks without the dialog",
			await measure(`
				export { createAuthClient } from "better-auth/client";
				export { jwtClient } from "better-auth/client/plugins";
				export { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";`),
			"baseline",
		],
		["page: AuthProvider + SignIn", await measure(`export { AuthProvider, SignIn } from "@gatehouse/react";`), "≤ 28 kB"],
		[
			"page: AuthProvider + SignIn + SignInDialog (closed)",
			await measure(`export { AuthProvider, SignIn, SignInDialog } from "@gatehouse/react";`),
			"≤ 28 kB before opening",
		],
		["whole kit (every export, dialog included)", await measure(`export * from "@gatehouse/react";`), "≤ 40 kB in all"],
	];
	console.log(`\nkit size: esbuild --bundle --minify --splitting, react external, gzip -9 (${new Date().toISOString()})`);
	// esbuild emits the dialog's chunk whenever the kit is bundled; a page fetches it only when a
	// SignInDialog opens, so it counts as "on first open", and in the whole kit's total.
	console.log(`${"bundle".padEnd(56)}${"on load, min → gzip".padStart(24)}${"dialog, on open".padStart(17)}${"in all".padStart(9)}   target`);
	for (const [label, size, target] of rows) {
		console.log(
			`${label.padEnd(56)}${`${kib(size.initial.min)} → ${kib(size.initial.gzip)}`.padStart(24)}${kib(size.lazy.gzip).padStart(17)}${kib(size.initial.gzip + size.lazy.gzip).padStart(9)}   ${target}`,
		);
	}
	const page = rows[2]![1].initial.gzip;
	const blocks = rows[1]![1].initial.gzip;
	console.log(`\nour own code on a sign-in page: ${kib(page - blocks)} gzip over the bare client + React Query (${kib(blocks)})`);
}

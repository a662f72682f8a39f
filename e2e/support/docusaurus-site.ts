import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

export const exampleDir = fileURLToPath(new URL("../../examples/docusaurus", import.meta.url));
const docusaurusBin = fileURLToPath(new URL("../../node_modules/@docusaurus/core/bin/docusaurus.mjs", import.meta.url));

export interface BuildResult {
	code: number | null;
	/** Everything the CLI printed, stdout and stderr. */
	output: string;
}

/** `docusaurus build` of the example site, configured through the environment its config reads. */
export function buildExampleSite(outDir: string, env: Record<string, string>): Promise<BuildResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [docusaurusBin, "build", "--out-dir", outDir], {
			cwd: exampleDir,
			env: { ...process.env, NODE_ENV: "production", DOCUSAURUS_TELEMETRY: "0", ...env },
			stdio: ["ignore", "pipe", "pipe"],
		});
		let output = "";
		child.stdout.on("data", (chunk) => (output += chunk));
		child.stderr.on("data", (chunk) => (output += chunk));
		child.on("error", reject);
		child.on("exit", (code) => resolve({ code, output }));
	});
}

const TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript",
	".css": "text/css",
	".svg": "image/svg+xml",
	".ico": "image/x-icon",
	".xml": "application/xml",
	".json": "application/json",
	".txt": "text/plain",
};

export interface StaticSite {
	/** `http://localhost:<port>` plus the site's base path, without the trailing slash. */
	url: string;
	origin: string;
	close(): Promise<void>;
}

/**
 * Serves a built Docusaurus site under `basePath` the way GitHub Pages and Netlify do: a file as
 * is, `/page` from `page/index.html` (or `page.html`), anything else 404.html with status 404.
 */
export async function serveStaticSite(dir: string, basePath = "/"): Promise<StaticSite> {
	const server: Server = createServer(async (req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
		if (!path.startsWith(basePath) && `${path}/` !== basePath) return send(res, 404, join(dir, "404.html"));
		const relative = normalize(path.slice(basePath.length)).replace(/^(\.\.(\/|$))+/, "");
		for (const candidate of [join(dir, relative), join(dir, relative, "index.html"), join(dir, `${relative}.html`)]) {
			if ((await stat(candidate).catch(() => undefined))?.isFile()) return send(res, 200, candidate);
		}
		send(res, 404, join(dir, "404.html"));
	});
	await new Promise<void>((resolve) => server.listen(0, resolve));
	const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
	return {
		url: origin + basePath.replace(/\/$/, ""),
		origin,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

function send(res: import("node:http").ServerResponse, status: number, file: string) {
	res.writeHead(status, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
	createReadStream(file).pipe(res);
}

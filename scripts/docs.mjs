// `npm run docs`: the example Docusaurus site (http://localhost:3000) with the reference auth
// server beside it (http://localhost:3005, embedded Postgres), in one terminal. Ctrl-C stops both.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const authUrl = process.env.GATEHOUSE_AUTH_URL ?? "http://localhost:3005";

const children = [
	spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], { cwd: root, stdio: "inherit" }),
	spawn(process.execPath, ["node_modules/@docusaurus/core/bin/docusaurus.mjs", "start", "examples/docusaurus", "--port", "3000"], {
		cwd: root,
		stdio: "inherit",
		env: { ...process.env, GATEHOUSE_AUTH_URL: authUrl },
	}),
];

let stopping = false;
function stopAll(code) {
	if (stopping) return;
	stopping = true;
	for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
	process.exitCode = code;
}
for (const child of children) child.on("exit", (code) => stopAll(code ?? 1));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(0));

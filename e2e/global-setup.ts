import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Browser tests run against what users get: the built kit, the built demo and the built Docusaurus plugin. */
export default function buildOnce() {
	const root = fileURLToPath(new URL("..", import.meta.url));
	// Vitest sets NODE_ENV=test, which would make Vite build React's development bundle.
	const run = (...args: string[]) =>
		execFileSync("npm", ["run", "--silent", ...args], {
			cwd: root,
			stdio: ["ignore", "ignore", "inherit"],
			env: { ...process.env, NODE_ENV: "production" },
		});
	run("build:demo");
	run("build", "-w", "@gatehouse/docusaurus");
}

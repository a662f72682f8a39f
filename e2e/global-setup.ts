import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Browser tests run against what users get: the built kit and the built demo. */
export default function buildOnce() {
	const root = fileURLToPath(new URL("..", import.meta.url));
	// Vitest sets NODE_ENV=test, which would make Vite build React's development bundle.
	execFileSync("npm", ["run", "--silent", "build:demo"], {
		cwd: root,
		stdio: ["ignore", "ignore", "inherit"],
		env: { ...process.env, NODE_ENV: "production" },
	});
}

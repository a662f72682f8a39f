import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Browser tests run against what users get: the built kit and the built demo. */
export default function buildOnce() {
	const root = fileURLToPath(new URL("..", import.meta.url));
	execFileSync("npm", ["run", "--silent", "build:demo"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}

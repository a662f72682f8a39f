import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const serverDir = fileURLToPath(new URL("../..", import.meta.url));

export interface ServerProcess {
	child: ChildProcess;
	output: () => string;
	exited: Promise<number | null>;
}

/** Runs the real entry point (`src/main.ts`), as `npm start` does, in its own process. */
export function spawnServer(env: Record<string, string>): ServerProcess {
	const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
		cwd: serverDir,
		env: { PATH: process.env.PATH ?? "", ...env },
		stdio: ["ignore", "pipe", "pipe"],
	});
	let output = "";
	child.stdout!.on("data", (chunk) => (output += chunk));
	child.stderr!.on("data", (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
	return { child, output: () => output, exited };
}

export async function waitForOutput(server: ServerProcess, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!pattern.test(server.output())) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${pattern}; output so far:\n${server.output()}`);
		if (server.child.exitCode !== null) throw new Error(`The server exited (${server.child.exitCode}):\n${server.output()}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port.js";
import { TEST_SECRET } from "./test-server.js";

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

export interface SpawnedTestServer {
	server: ServerProcess;
	baseURL: string;
	/** SIGTERM (SIGKILL if it can't finish within its 10 s grace), then its data dir is removed. */
	stop(): Promise<void>;
}

/** The real entry point in its own process on `databaseUrl`, with the test secret, a free port and a data dir of its own. */
export async function spawnTestServer(databaseUrl: string, env: Record<string, string> = {}): Promise<SpawnedTestServer> {
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), "gatehouse-process-"));
	const server = spawnServer({
		NODE_ENV: "test",
		PORT: String(port),
		DATA_DIR: dataDir,
		BETTER_AUTH_SECRET: TEST_SECRET,
		TRUST_PROXY: "loopback",
		DATABASE_URL: databaseUrl,
		...env,
	});
	return {
		server,
		baseURL: `http://localhost:${port}`,
		async stop() {
			if (server.child.exitCode === null) {
				server.child.kill("SIGTERM");
				// A server that can't finish within its grace is stuck: don't let it hold the run.
				const stuck = setTimeout(() => server.child.kill("SIGKILL"), 15_000);
				await server.exited;
				clearTimeout(stuck);
			}
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type FaultProxy, startFaultProxy } from "../support/fault-proxy.js";
import { createTestDatabase } from "../support/postgres.js";
import { type ServerProcess, spawnServer, waitForOutput } from "../support/server-process.js";
import { TEST_SECRET, freePort } from "../support/test-server.js";

/** The real server in its own process (so a crash shows), on a fresh database reached through a fault proxy. */
export interface ServerBehindProxy {
	proxy: FaultProxy;
	server: ServerProcess;
	baseURL: string;
	/** A direct connection to the test database, past the proxy: what an operator checks with. */
	admin: pg.Client;
	/** `pg_terminate_backend` of every other session on the test database, waiting for them to exit; returns how many. */
	terminateBackends(): Promise<number>;
	close(): Promise<void>;
}

export interface ServerBehindProxyOptions {
	/** Wait for the "ready:" line. @default true */
	waitReady?: boolean;
	/** Applied to the proxy before the server starts (e.g. `proxy.refuse()`). */
	beforeStart?: (proxy: FaultProxy) => Promise<void> | void;
}

/** The real entry point in its own process on `databaseUrl`, with the test secret, a free port and a data dir of its own. */
export async function spawnServerOn(databaseUrl: string, env: Record<string, string> = {}) {
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), "gatehouse-reliability-"));
	const server = spawnServer({
		NODE_ENV: "test",
		PORT: String(port),
		DATA_DIR: dataDir,
		BETTER_AUTH_SECRET: TEST_SECRET,
		TRUST_PROXY: "loopback",
		DATABASE_URL: databaseUrl,
		...env,
	});
	return { server, baseURL: `http://localhost:${port}`, dataDir };
}

export async function startServerBehindProxy({ waitReady = true, beforeStart }: ServerBehindProxyOptions = {}): Promise<ServerBehindProxy> {
	const db = await createTestDatabase();
	const target = new URL(db.url);
	const proxy = await startFaultProxy({ host: target.hostname, port: Number(target.port) });
	await beforeStart?.(proxy);
	const admin = new pg.Client({ connectionString: db.url });
	await admin.connect();
	const { server, baseURL, dataDir } = await spawnServerOn(proxy.urlFor(db.url));
	if (waitReady) await waitForOutput(server, /ready:/);
	return {
		proxy,
		server,
		baseURL,
		admin,
		async terminateBackends() {
			const { rows } = await admin.query(
				// With a timeout it returns once each backend has exited, so the kill has a clear end.
				"SELECT pg_terminate_backend(pid, 5000) AS killed FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
			);
			return rows.filter((row) => row.killed).length;
		},
		async close() {
			if (server.child.exitCode === null) {
				server.child.kill("SIGTERM");
				// A server that can't finish within its 10 s grace is stuck: don't let it hold the run.
				const stuck = setTimeout(() => server.child.kill("SIGKILL"), 15_000);
				await server.exited;
				clearTimeout(stuck);
			}
			await proxy.close();
			await admin.end();
			await db.drop();
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

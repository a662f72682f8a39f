import pg from "pg";
import { type FaultProxy, startFaultProxy } from "../support/fault-proxy.js";
import { createTestDatabase } from "../support/postgres.js";
import { type ServerProcess, spawnTestServer, waitForOutput } from "../support/server-process.js";

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

export async function startServerBehindProxy({ waitReady = true, beforeStart }: ServerBehindProxyOptions = {}): Promise<ServerBehindProxy> {
	const db = await createTestDatabase();
	const target = new URL(db.url);
	const proxy = await startFaultProxy({ host: target.hostname, port: Number(target.port) });
	await beforeStart?.(proxy);
	const admin = new pg.Client({ connectionString: db.url });
	await admin.connect();
	const { server, baseURL, stop } = await spawnTestServer(proxy.urlFor(db.url));
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
			await stop();
			await proxy.close();
			await admin.end();
			await db.drop();
		},
	};
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../src/config.js";
import type { Logger } from "../../src/logger.js";
import { type RunningServer, startServer } from "../../src/server.js";
import { freePort } from "./free-port.js";
import { createNeonTestDatabase } from "./neon-database.js";
import { type TestDatabase, createTestDatabase } from "./postgres.js";

export { freePort };

/**
 * Where the server's data lives: the local Postgres; the embedded PGlite; or "neon", a Neon-like
 * server reached as in production, over TLS through PgBouncer in transaction mode.
 */
export type Backend = "postgres" | "embedded" | "neon";
export const BACKENDS: Backend[] = ["postgres", "embedded", "neon"];
/** The backends reached over the network with a DATABASE_URL, as in production. */
export const URL_BACKENDS: Backend[] = ["postgres", "neon"];

export const TEST_SECRET = "test-secret-that-is-long-enough-0123456789";
/** An origin the test server trusts, as a browser page on the Docusaurus dev port would send. */
export const TRUSTED_ORIGIN = "http://localhost:3000";

export interface TestServer {
	server: RunningServer;
	baseURL: string;
	/** Every line the server logged, for assertions about what it says (and never says). */
	logs: string[];
	env: Record<string, string>;
	/** Stops and starts again on the same database and port. */
	restart(): Promise<void>;
	close(): Promise<void>;
}

export interface TestServerOptions {
	/** A built front end to serve at / (the demo). */
	staticDir?: string;
}

/** `env` may fix PORT and BETTER_AUTH_URL (a site built against them); by default a free port on localhost. */
export async function startTestServer(backend: Backend, env: Record<string, string> = {}, options: TestServerOptions = {}): Promise<TestServer> {
	const port = env.PORT ? Number(env.PORT) : await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), "gatehouse-test-"));
	const database = await createDatabase(backend);
	const fullEnv: Record<string, string> = {
		NODE_ENV: "test",
		PORT: String(port),
		DATA_DIR: dataDir,
		BETTER_AUTH_SECRET: TEST_SECRET,
		// Tests speak for many clients from one machine, through X-Forwarded-For set by a local "proxy".
		TRUST_PROXY: "loopback",
		...(database ? { DATABASE_URL: database.url } : {}),
		...env,
	};
	const logs: string[] = [];
	const log: Logger = {
		info: (message) => logs.push(`info: ${message}`),
		warn: (message) => logs.push(`warn: ${message}`),
		error: (message, error) => logs.push(`error: ${message} ${error instanceof Error ? error.message : (error ?? "")}`),
	};
	const start = async () => {
		const server = await startServer(loadConfig(fullEnv), { log, staticDir: options.staticDir });
		await server.ready;
		return server;
	};
	const handle: TestServer = {
		server: await start(),
		baseURL: fullEnv.BETTER_AUTH_URL ?? `http://localhost:${port}`,
		logs,
		env: fullEnv,
		async restart() {
			await handle.server.stop();
			handle.server = await start();
		},
		async close() {
			await handle.server.stop();
			await database?.drop();
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
	return handle;
}

/** A fresh database for `backend`, whose `url` is what the server is given; none for the embedded one. */
export function createDatabase(backend: Backend): Promise<TestDatabase | undefined> {
	if (backend === "postgres") return createTestDatabase();
	if (backend === "neon") return createNeonTestDatabase();
	return Promise.resolve(undefined);
}

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAuth } from "../src/auth/create-auth.js";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/database.js";
import { migrate } from "../src/db/migrate.js";
import { createConsoleLogger } from "../src/logger.js";
import { createNeonTestDatabase } from "./support/neon-database.js";
import type { TestDatabase } from "./support/postgres.js";
import { spawnServer, waitForOutput } from "./support/server-process.js";
import { TEST_SECRET, URL_BACKENDS, createDatabase, freePort } from "./support/test-server.js";

describe("starting and stopping the server process", () => {
	it("stops at once on a bad setting, with one line that names it and no stack trace", async () => {
		const server = spawnServer({ PORT: "eighty", DATA_DIR: mkdtempSync(join(tmpdir(), "gh-")) });
		expect(await server.exited).toBe(1);
		const lines = server.output().trim().split("\n");
		expect(lines).toEqual([`[gatehouse] error: PORT must be a whole number from 0 to 65535, got "eighty".`]);
	});

	it("refuses to start in production without a secret", async () => {
		// It must stop before it ever connects: the database named here doesn't exist.
		const server = spawnServer({ NODE_ENV: "production", DATABASE_URL: "postgresql://postgres@127.0.0.1:1/unused" });
		expect(await server.exited).toBe(1);
		expect(server.output()).toMatch(/BETTER_AUTH_SECRET is not set; production needs a stable secret/);
	});

	it("answers 503 with a reason while its database is unreachable, and keeps retrying", async () => {
		const port = await freePort();
		const deadPort = await freePort();
		const server = spawnServer({
			PORT: String(port),
			DATABASE_URL: `postgresql://postgres@127.0.0.1:${deadPort}/nothing`,
			BETTER_AUTH_SECRET: TEST_SECRET,
		});
		try {
			await waitForOutput(server, /database not reachable .*ECONNREFUSED.*retrying/);
			const health = await fetch(`http://localhost:${port}/health`);
			expect(health.status).toBe(503);
			expect((await health.json()).code).toBe("NOT_READY");
			const api = await fetch(`http://localhost:${port}/api/auth/get-session`);
			expect(api.status).toBe(503);
			expect((await api.json()).message).toMatch(/database is not reachable/);
		} finally {
			server.child.kill("SIGTERM");
			await server.exited;
		}
	});
});

describe.each(URL_BACKENDS)("the server process on %s", (backend) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = (await createDatabase(backend))!;
	});
	afterAll(async () => {
		await db?.drop();
	});

	it("prints which database it uses without the password, and finishes requests in flight on SIGTERM", async () => {
		const port = await freePort();
		const url = new URL(db.url);
		// Trust auth on the CI Postgres ignores the password; it is only there to be hidden. Neon needs its real one.
		if (backend === "postgres") url.password = "pw-that-must-not-be-printed";
		const base = `http://localhost:${port}`;
		const server = spawnServer({ PORT: String(port), DATABASE_URL: url.toString(), BETTER_AUTH_SECRET: TEST_SECRET });
		await waitForOutput(server, /ready:/);
		const tls = backend === "neon" ? "TLS verify-full" : "no TLS";
		expect(server.output()).toContain(`database: postgresql://${url.username}@${url.host}${url.pathname} (${tls})`);
		expect(server.output()).not.toContain(decodeURIComponent(url.password));
		expect(server.output()).not.toContain(TEST_SECRET);
		expect(server.output()).not.toContain("SECURITY WARNING");

		const signUp = fetch(`${base}/api/auth/sign-up/email`, {
			method: "POST",
			headers: { "content-type": "application/json", origin: "http://localhost:3000" },
			body: JSON.stringify({ email: "drain@example.com", password: "correct horse battery", name: "Drain" }),
		});
		await new Promise((resolve) => setTimeout(resolve, 30)); // the request is now hashing its password
		server.child.kill("SIGTERM");
		expect((await signUp).status).toBe(200);
		expect(await server.exited).toBe(0);
		expect(server.output()).toMatch(/SIGTERM: finishing requests in flight/);
		const check = new pg.Client(db.url);
		await check.connect();
		const { rows } = await check.query(`SELECT count(*)::int AS n FROM "user" WHERE email = 'drain@example.com'`);
		await check.end();
		expect(rows[0].n).toBe(1);
	});
});

describe("a Neon URL as the dashboard gives it (sslmode=require&channel_binding=require)", () => {
	let db: TestDatabase;
	let dashboardUrl: string;
	beforeAll(async () => {
		db = await createNeonTestDatabase();
		const url = new URL(db.url);
		// Neon's certificates chain to a public CA that Node trusts; this one's CA comes by NODE_EXTRA_CA_CERTS.
		url.search = "?sslmode=require&channel_binding=require";
		dashboardUrl = url.toString();
	});
	afterAll(async () => {
		await db?.drop();
	});

	it("connects with the certificate fully verified, and without pg's SECURITY WARNING about sslmode", async () => {
		const port = await freePort();
		const server = spawnServer({ PORT: String(port), DATABASE_URL: dashboardUrl, BETTER_AUTH_SECRET: TEST_SECRET, NODE_EXTRA_CA_CERTS: inject("neon").caFile });
		try {
			await waitForOutput(server, /ready:/);
			expect(server.output()).toMatch(/database: postgresql:\/\/neondb_owner@localhost:\d+\/gatehouse_test_\w+ \(TLS verify-full\)/);
			expect(server.output()).not.toContain("SECURITY WARNING");
			const health = await fetch(`http://localhost:${port}/health`);
			expect(await health.json()).toEqual({ status: "ok", database: "ok" });
		} finally {
			server.child.kill("SIGTERM");
			await server.exited;
		}
	});

	it("refuses a server whose certificate it cannot verify, instead of trusting it", async () => {
		const server = spawnServer({ PORT: String(await freePort()), DATABASE_URL: dashboardUrl, BETTER_AUTH_SECRET: TEST_SECRET });
		expect(await server.exited).toBe(1);
		expect(server.output()).toMatch(/could not start.*unable to verify the first certificate/);
	});
});

describe.each(URL_BACKENDS)("migrate on %s", (backend) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = (await createDatabase(backend))!;
	});
	afterAll(async () => {
		await db?.drop();
	});

	it("creates everything once when two instances start together, then has nothing left to do", async () => {
		const config = loadConfig({ DATABASE_URL: db.url, BETTER_AUTH_SECRET: TEST_SECRET, DATA_DIR: mkdtempSync(join(tmpdir(), "gh-")) });
		const open = () => openDatabase({ ...config, onIdleError: () => {} });
		const [a, b] = await Promise.all([open(), open()]);
		const log = createConsoleLogger("test");
		try {
			const results = await Promise.all([
				migrate(a.pool, createAuth(config, a.kysely, log).options),
				migrate(b.pool, createAuth(config, b.kysely, log).options),
			]);
			const changes = results.map((r) => r.changes);
			// One of them did the work; the other, waiting on the lock, found it done.
			expect(changes.filter((c) => c.length > 0)).toHaveLength(1);
			expect(changes.flat()).toEqual(expect.arrayContaining(["user", "session", "account", "verification", "jwks", "rateLimit"]));
			expect((await migrate(a.pool, createAuth(config, a.kysely, log).options)).changes).toEqual([]);
			const { rows } = await a.pool.query(
				`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
			);
			expect(rows.map((r) => r.table_name)).toEqual(["account", "jwks", "rateLimit", "session", "user", "user_profile", "verification"]);
		} finally {
			await Promise.all([a.close(), b.close()]);
		}
	});
});

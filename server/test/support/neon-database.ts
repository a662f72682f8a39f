import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
// Importing the type also brings in the typing of inject("neon") where this file is compiled (e2e too).
import type { NeonUrls } from "./neon-global-setup.js";
import type { TestDatabase } from "./postgres.js";

/**
 * A fresh database on the Neon-like server started by `neon-global-setup.ts`, owned by the
 * (non-superuser) Neon role as on Neon; its `url` goes through PgBouncer in transaction mode,
 * over TLS (what the server is given). Dropped by `drop()`.
 */
export async function createNeonTestDatabase(): Promise<TestDatabase> {
	const { directUrl, pooledUrl }: NeonUrls = inject("neon");
	const name = `gatehouse_test_${randomBytes(6).toString("hex")}`;
	await onDirect(directUrl, `CREATE DATABASE ${name}`);
	const withName = (base: string) => {
		const url = new URL(base);
		url.pathname = `/${name}`;
		return url.toString();
	};
	return {
		url: withName(pooledUrl),
		drop: () => onDirect(directUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
	};
}

async function onDirect(url: string, sql: string): Promise<void> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

import { randomBytes } from "node:crypto";
import pg from "pg";

/** The CI Postgres (trust auth). Override with TEST_POSTGRES_URL. */
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
	url: string;
	drop(): Promise<void>;
}

/** A fresh, empty database on the local Postgres, dropped by `drop()`. */
export async function createTestDatabase(): Promise<TestDatabase> {
	const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
	try {
		await admin.connect();
	} catch (error) {
		throw new Error(
			`PostgreSQL is not reachable at ${new URL(ADMIN_URL).host} (${(error as Error).message}). ` +
				"Start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` " +
				"(.ci/run does this), or point TEST_POSTGRES_URL at a server where user postgres may create databases.",
		);
	}
	const name = `gatehouse_test_${randomBytes(6).toString("hex")}`;
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(ADMIN_URL);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const client = new pg.Client({ connectionString: ADMIN_URL });
			await client.connect();
			await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await client.end();
		},
	};
}

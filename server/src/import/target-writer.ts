import type pg from "pg";
import { withRetry } from "../db/transient.js";
import type { TargetAccount, TargetProfile, TargetUser } from "./map-user.js";

/** The rows one page of users becomes; written in one transaction on one connection. */
export interface TargetBatch {
	users: TargetUser[];
	accounts: TargetAccount[];
	profiles: TargetProfile[];
}

export interface WriteCounts {
	imported: number;
	updated: number;
	/** Already as the source has them, or changed in Gatehouse more recently than in Supabase. */
	unchanged: number;
}

export interface BatchResult {
	users: WriteCounts;
	credentials: WriteCounts;
	providerAccounts: WriteCounts;
	profiles: WriteCounts;
	/** Users left out, with their accounts and profile, because the target has their email under another id. */
	taken: { userId: string; email: string; ownerId: string }[];
}

interface Column<Row> {
	name: string;
	type: string;
	value: (row: Row) => unknown;
}

interface UpsertSpec<Row> {
	table: string;
	key: string;
	columns: Column<Row>[];
	/** What must hold for an existing row to be overwritten, besides differing from the source. */
	guard: string;
	/** An extra boolean in RETURNING, named `tag`. */
	tag?: string;
}

const USERS: UpsertSpec<TargetUser> = {
	table: `"user"`,
	key: "id",
	columns: [
		{ name: "id", type: "text", value: (u) => u.id },
		{ name: "name", type: "text", value: (u) => u.name },
		{ name: "email", type: "text", value: (u) => u.email },
		{ name: `"emailVerified"`, type: "boolean", value: (u) => u.emailVerified },
		{ name: "image", type: "text", value: (u) => u.image },
		{ name: `"createdAt"`, type: "timestamptz", value: (u) => u.createdAt },
		{ name: `"updatedAt"`, type: "timestamptz", value: (u) => u.updatedAt },
	],
	// A row changed in Gatehouse after Supabase last changed it is Gatehouse's now.
	guard: `t."updatedAt" <= EXCLUDED."updatedAt"`,
};

/** Better Auth's scrypt (`<salt>:<key>`): a password set or re-hashed by Gatehouse, never replaced by an import. */
const SCRYPT_HASH_PATTERN = "^[0-9a-f]{32}:[0-9a-f]{128}$";

const ACCOUNTS: UpsertSpec<TargetAccount> = {
	table: "account",
	key: "id",
	columns: [
		{ name: "id", type: "text", value: (a) => a.id },
		{ name: `"accountId"`, type: "text", value: (a) => a.accountId },
		{ name: `"providerId"`, type: "text", value: (a) => a.providerId },
		{ name: `"userId"`, type: "text", value: (a) => a.userId },
		{ name: "password", type: "text", value: (a) => a.password },
		{ name: `"createdAt"`, type: "timestamptz", value: (a) => a.createdAt },
		{ name: `"updatedAt"`, type: "timestamptz", value: (a) => a.updatedAt },
	],
	guard: `t."updatedAt" <= EXCLUDED."updatedAt" AND coalesce(t.password, '') !~ '${SCRYPT_HASH_PATTERN}'`,
	tag: `"providerId" = 'credential'`,
};

const PROFILES: UpsertSpec<TargetProfile> = {
	table: "user_profile",
	key: "user_id",
	columns: [
		{ name: "user_id", type: "text", value: (p) => p.userId },
		{ name: "software_background", type: "text", value: (p) => p.softwareBackground },
		{ name: "hardware_background", type: "text", value: (p) => p.hardwareBackground },
		{ name: "created_at", type: "timestamptz", value: (p) => p.createdAt },
		{ name: "updated_at", type: "timestamptz", value: (p) => p.updatedAt },
	],
	guard: "t.updated_at <= EXCLUDED.updated_at",
};

const UNIQUE_VIOLATION = "23505";

/**
 * Upserts one batch: users, then their accounts and profiles, in one transaction on one client,
 * so a batch is all there or not at all. Rows already as the source has them are not touched
 * (`WHERE … IS DISTINCT FROM …`), which is what makes a rerun change nothing. A dry run does
 * the same work and rolls it back. Transient connection errors and a sign-up racing for the
 * same email retry the whole batch, which is safe because every statement is an upsert.
 */
export async function writeBatch(pool: pg.Pool, batch: TargetBatch, { dryRun }: { dryRun: boolean }): Promise<BatchResult> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await withRetry(() => writeOnce(pool, batch, dryRun));
		} catch (error) {
			if (attempt >= 3 || (error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
		}
	}
}

/** What a batch would do to a target that has no Gatehouse tables yet: everything is new. */
export function countAsNew(batch: TargetBatch): BatchResult {
	const credentials = batch.accounts.filter((account) => account.providerId === "credential").length;
	const all = (imported: number): WriteCounts => ({ imported, updated: 0, unchanged: 0 });
	return {
		users: all(batch.users.length),
		credentials: all(credentials),
		providerAccounts: all(batch.accounts.length - credentials),
		profiles: all(batch.profiles.length),
		taken: [],
	};
}

async function writeOnce(pool: pg.Pool, batch: TargetBatch, dryRun: boolean): Promise<BatchResult> {
	const client = await pool.connect();
	let broken: Error | undefined;
	try {
		await client.query("BEGIN");
		const taken = await takenEmails(client, batch.users);
		const takenIds = new Set(taken.map((row) => row.userId));
		const keep = <Row>(rows: Row[], userId: (row: Row) => string) => (takenIds.size ? rows.filter((row) => !takenIds.has(userId(row))) : rows);
		const users = keep(batch.users, (u) => u.id);
		const accounts = keep(batch.accounts, (a) => a.userId);
		const profiles = keep(batch.profiles, (p) => p.userId);

		const userRows = await upsert(client, USERS, users);
		const accountRows = await upsert(client, ACCOUNTS, accounts);
		const profileRows = await upsert(client, PROFILES, profiles);
		await client.query(dryRun ? "ROLLBACK" : "COMMIT");

		const credentialsSent = accounts.filter((a) => a.providerId === "credential").length;
		return {
			users: countWrites(users.length, userRows),
			credentials: countWrites(credentialsSent, accountRows.filter((row) => row.tag)),
			providerAccounts: countWrites(accounts.length - credentialsSent, accountRows.filter((row) => !row.tag)),
			profiles: countWrites(profiles.length, profileRows),
			taken,
		};
	} catch (error) {
		broken = error as Error;
		await client.query("ROLLBACK").catch(() => {});
		throw error;
	} finally {
		// A connection that failed mid-transaction is not handed to the next batch.
		client.release(broken);
	}
}

/** Users of the batch whose email the target already holds under another id. */
async function takenEmails(client: pg.PoolClient, users: TargetUser[]): Promise<BatchResult["taken"]> {
	// `= ANY` probes the unique email index; a join against unnest() would scan the whole table.
	const { rows } = await client.query<{ id: string; email: string }>(`SELECT id, email FROM "user" WHERE email = ANY($1::text[])`, [
		users.map((user) => user.email),
	]);
	if (rows.length === 0) return [];
	const owners = new Map(rows.map((row) => [row.email, row.id]));
	return users.flatMap((user) => {
		const ownerId = owners.get(user.email);
		return ownerId !== undefined && ownerId !== user.id ? [{ userId: user.id, email: user.email, ownerId }] : [];
	});
}

interface Written {
	inserted: boolean;
	tag?: boolean;
}

async function upsert<Row>(client: pg.PoolClient, spec: UpsertSpec<Row>, rows: Row[]): Promise<Written[]> {
	if (rows.length === 0) return [];
	const names = spec.columns.map((column) => column.name);
	const others = names.filter((name) => name !== spec.key);
	// One array parameter per column: a single statement however many rows, and no parameter limit.
	const text = `INSERT INTO ${spec.table} AS t (${names.join(", ")})
		SELECT * FROM unnest(${spec.columns.map((column, i) => `$${i + 1}::${column.type}[]`).join(", ")})
		ON CONFLICT (${spec.key}) DO UPDATE SET ${others.map((name) => `${name} = EXCLUDED.${name}`).join(", ")}
		WHERE (${others.map((name) => `t.${name}`).join(", ")}) IS DISTINCT FROM (${others.map((name) => `EXCLUDED.${name}`).join(", ")})
			AND ${spec.guard}
		RETURNING xmax = 0 AS inserted${spec.tag ? `, ${spec.tag} AS tag` : ""}`;
	const { rows: written } = await client.query<Written>(
		text,
		spec.columns.map((column) => rows.map(column.value)),
	);
	return written;
}

/** An upsert returns the rows it inserted (xmax = 0) or updated; the rest were left as they were. */
function countWrites(sent: number, written: Written[]): WriteCounts {
	const imported = written.filter((row) => row.inserted).length;
	return { imported, updated: written.length - imported, unchanged: sent - written.length };
}

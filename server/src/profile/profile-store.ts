import { CompiledQuery, type Transaction } from "kysely";
import type pg from "pg";
import type { Profile } from "./profile-fields.js";

/** Created or upgraded by `migrate`; each statement is safe to run again. */
export const PROFILE_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS user_profile (
	user_id text PRIMARY KEY REFERENCES "user" (id) ON DELETE CASCADE,
	software_background text,
	hardware_background text,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now()
);`;

export interface StoredProfile extends Profile {
	userId: string;
	/** When the answers last changed; null when the user never gave any. */
	updatedAt: string | null;
}

type Rows = { rows: Record<string, unknown>[] };
/** Runs one parameterised statement: on the pool, or on the transaction Better Auth holds. */
export type Run = (text: string, values: unknown[]) => Promise<Rows>;

export const onPool =
	(pool: pg.Pool): Run =>
	(text, values) =>
		pool.query(text, values);

export const onTransaction =
	(trx: Transaction<any>): Run =>
	(text, values) =>
		trx.executeQuery(CompiledQuery.raw(text, values)) as Promise<Rows>;

const SELECT = `user_id AS "userId", software_background AS "softwareBackground",
	hardware_background AS "hardwareBackground", updated_at AS "updatedAt"`;

export async function readProfile(run: Run, userId: string): Promise<StoredProfile> {
	const { rows } = await run(`SELECT ${SELECT} FROM user_profile WHERE user_id = $1`, [userId]);
	const row = rows[0];
	if (!row) return { userId, softwareBackground: null, hardwareBackground: null, updatedAt: null };
	return toStoredProfile(row);
}

/** Replaces the user's answers (creates the row on first write). */
export async function writeProfile(run: Run, userId: string, profile: Profile): Promise<StoredProfile> {
	const { rows } = await run(
		`INSERT INTO user_profile (user_id, software_background, hardware_background)
		VALUES ($1, $2, $3)
		ON CONFLICT (user_id) DO UPDATE SET software_background = EXCLUDED.software_background,
			hardware_background = EXCLUDED.hardware_background, updated_at = now()
		RETURNING ${SELECT}`,
		[userId, profile.softwareBackground, profile.hardwareBackground],
	);
	return toStoredProfile(rows[0]!);
}

function toStoredProfile(row: Record<string, unknown>): StoredProfile {
	const updatedAt = row.updatedAt;
	return {
		userId: String(row.userId),
		softwareBackground: (row.softwareBackground as string | null) ?? null,
		hardwareBackground: (row.hardwareBackground as string | null) ?? null,
		updatedAt: updatedAt instanceof Date ? updatedAt.toISOString() : updatedAt == null ? null : String(updatedAt),
	};
}

import pg from "pg";
import { describeUrl } from "../db/describe-url.js";
import { ImportError } from "./import-error.js";

/** One `auth.users` row, as much of it as the import needs. Timestamps are Postgres text (UTC), never rounded. */
export interface SourceUser {
	id: string;
	email: string | null;
	/** bcrypt as Supabase stores it; `''` or null when the user has no password. */
	encryptedPassword: string | null;
	emailConfirmedAt: string | null;
	phone: string | null;
	/** `raw_user_meta_data` fields that may hold a display name or an avatar. */
	meta: { name: string | null; fullName: string | null; userName: string | null; avatarUrl: string | null; picture: string | null };
	/** `banned_until` is later than the snapshot's time. */
	banned: boolean;
	deleted: boolean;
	isSsoUser: boolean;
	isAnonymous: boolean;
	createdAt: string | null;
	updatedAt: string | null;
}

export interface SourceIdentity {
	id: string;
	userId: string;
	provider: string;
	/** The provider's subject (`sub`); the user's own id for `email` and `phone` identities. */
	providerId: string;
	createdAt: string | null;
	updatedAt: string | null;
}

export interface SourceProfile {
	userId: string;
	softwareBackground: string | null;
	hardwareBackground: string | null;
	createdAt: string | null;
	updatedAt: string | null;
}

/** Users in id order, with their identities and profiles. */
export interface SourcePage {
	users: SourceUser[];
	identities: Map<string, SourceIdentity[]>;
	profiles: Map<string, SourceProfile>;
}

export interface SourceCounts {
	users: number;
	identities: number;
	profiles: number;
}

const USER_COLUMNS = `
	id::text AS id,
	email::text AS email,
	encrypted_password::text AS "encryptedPassword",
	email_confirmed_at AS "emailConfirmedAt",
	phone::text AS phone,
	raw_user_meta_data->>'name' AS "metaName",
	raw_user_meta_data->>'full_name' AS "metaFullName",
	raw_user_meta_data->>'user_name' AS "metaUserName",
	raw_user_meta_data->>'avatar_url' AS "metaAvatarUrl",
	raw_user_meta_data->>'picture' AS "metaPicture",
	coalesce(banned_until > now(), false) AS banned,
	deleted_at IS NOT NULL AS deleted,
	is_sso_user AS "isSsoUser",
	is_anonymous AS "isAnonymous",
	created_at AS "createdAt",
	updated_at AS "updatedAt"`;

const REQUIRED_COLUMNS: Record<string, string[]> = {
	"auth.users": [
		"id", "email", "encrypted_password", "email_confirmed_at", "phone", "last_sign_in_at",
		"raw_user_meta_data", "banned_until", "deleted_at", "is_sso_user", "is_anonymous", "created_at", "updated_at",
	],
	"auth.identities": ["id", "user_id", "provider", "provider_id", "created_at", "updated_at"],
	"public.profiles": ["id", "software_background", "hardware_background"],
};

// Timestamps stay text end to end: a JS Date would drop Postgres's microseconds.
const TIMESTAMP_AS_TEXT = {
	getTypeParser: (oid: number, format?: "text" | "binary") =>
		oid === pg.types.builtins.TIMESTAMPTZ ? (value: string) => value : pg.types.getTypeParser(oid, format),
} as pg.CustomTypesConfig;

/**
 * A Supabase database read through one REPEATABLE READ, READ ONLY transaction: every page comes
 * from the same snapshot, and nothing can be written through this connection.
 */
export class SupabaseSource {
	private constructor(
		private readonly client: pg.Client,
		/** Timestamp columns of public.profiles, when it has them; null when there is no profiles table. */
		private readonly profileTimestamps: { createdAt: boolean; updatedAt: boolean } | null,
	) {}

	static async open(url: string): Promise<SupabaseSource> {
		const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, keepAlive: true, types: TIMESTAMP_AS_TEXT });
		// A connection dropped between queries is reported by the next query; don't crash on the event.
		client.on("error", () => {});
		try {
			await client.connect();
		} catch (error) {
			throw new ImportError(
				`Could not connect to the source database FROM_DATABASE_URL (${describeUrl(url)}): ${(error as Error).message}.`,
			);
		}
		try {
			await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
			// UTC text sorts and compares like the instants it names, and reads the same everywhere.
			await client.query("SET LOCAL TimeZone = 'UTC'");
			await client.query("SET LOCAL DateStyle = 'ISO'");
			// Room to group every email in memory once; and no JIT, whose compile time these short queries never earn back.
			await client.query("SET LOCAL work_mem = '64MB'");
			await client.query("SET LOCAL jit = off");
			const profileTimestamps = await checkSchema(client);
			return new SupabaseSource(client, profileTimestamps);
		} catch (error) {
			await client.end().catch(() => {});
			throw error;
		}
	}

	get hasProfiles(): boolean {
		return this.profileTimestamps !== null;
	}

	async counts(): Promise<SourceCounts> {
		const { rows } = await this.client.query(`SELECT
			(SELECT count(*) FROM auth.users)::int AS users,
			(SELECT count(*) FROM auth.identities)::int AS identities,
			${this.hasProfiles ? "(SELECT count(*) FROM public.profiles)::int" : "0"} AS profiles`);
		return rows[0];
	}

	/**
	 * Users whose email, lowercased, is shared with another user, ordered so that within each
	 * email the user to keep comes first among those the policy imports: confirmed email, then
	 * the latest sign-in, then the earliest sign-up, then the smallest id. Usually a handful.
	 */
	async caseDuplicateUsers(): Promise<SourceUser[]> {
		const { rows: groups } = await this.client.query<{ emails: string[] | null }>(
			`SELECT array_agg(email) AS emails FROM (
				SELECT lower(email) AS email FROM auth.users WHERE email <> '' GROUP BY 1 HAVING count(*) > 1) AS shared`,
		);
		const emails = groups[0]?.emails;
		if (!emails) return [];
		const { rows } = await this.client.query(
			`SELECT ${USER_COLUMNS} FROM auth.users WHERE lower(email) = ANY($1::text[])
			ORDER BY lower(email), email_confirmed_at IS NOT NULL DESC, last_sign_in_at DESC NULLS LAST,
				created_at ASC NULLS LAST, users.id`,
			[emails],
		);
		return rows.map(toSourceUser);
	}

	/**
	 * Keyset pages in id order; the next page is read while the caller works on this one. (Sorts
	 * name the table's column: a bare `id` would sort by the text alias, and scan the whole table.)
	 */
	async *pages(pageSize: number): AsyncGenerator<SourcePage> {
		let next = this.readPage(undefined, pageSize);
		for (;;) {
			const page = await next;
			const last = page.users.at(-1);
			if (!last) return;
			next = this.readPage(last.id, pageSize);
			// If the caller stops early, nobody awaits the read in flight: keep its failure quiet.
			next.catch(() => {});
			yield page;
		}
	}

	async close(): Promise<void> {
		await this.client.query("ROLLBACK").catch(() => {});
		await this.client.end().catch(() => {});
	}

	private async readPage(after: string | undefined, pageSize: number): Promise<SourcePage> {
		const { rows } = after
			? await this.client.query(`SELECT ${USER_COLUMNS} FROM auth.users WHERE users.id > $1 ORDER BY users.id LIMIT $2`, [after, pageSize])
			: await this.client.query(`SELECT ${USER_COLUMNS} FROM auth.users ORDER BY users.id LIMIT $1`, [pageSize]);
		const users = rows.map(toSourceUser);
		const identities = new Map<string, SourceIdentity[]>();
		const profiles = new Map<string, SourceProfile>();
		const last = users.at(-1);
		if (!last) return { users, identities, profiles };
		// The page's id range, not a list of ids: one index range scan instead of a probe per user.
		const range = after ? [after, last.id] : [last.id];
		const inRange = (column: string) => (after ? `${column} > $1 AND ${column} <= $2` : `${column} <= $1`);

		const identityRows = await this.client.query<SourceIdentity>(
			`SELECT id::text AS id, user_id::text AS "userId", provider, provider_id AS "providerId",
				created_at AS "createdAt", updated_at AS "updatedAt"
			FROM auth.identities WHERE ${inRange("user_id")} ORDER BY identities.user_id, identities.provider, identities.id`,
			range,
		);
		for (const identity of identityRows.rows) {
			const list = identities.get(identity.userId);
			if (list) list.push(identity);
			else identities.set(identity.userId, [identity]);
		}
		if (this.profileTimestamps) {
			const { createdAt, updatedAt } = this.profileTimestamps;
			const profileRows = await this.client.query<SourceProfile>(
				`SELECT id::text AS "userId", software_background::text AS "softwareBackground",
					hardware_background::text AS "hardwareBackground",
					${createdAt ? "created_at::timestamptz" : "NULL::timestamptz"} AS "createdAt",
					${updatedAt ? "updated_at::timestamptz" : "NULL::timestamptz"} AS "updatedAt"
				FROM public.profiles WHERE ${inRange("profiles.id")}`,
				range,
			);
			for (const profile of profileRows.rows) profiles.set(profile.userId, profile);
		}
		return { users, identities, profiles };
	}
}

/** Checks the tables and columns the import reads; returns which profile timestamps exist. */
async function checkSchema(client: pg.Client): Promise<{ createdAt: boolean; updatedAt: boolean } | null> {
	const { rows } = await client.query<{ table: string; column: string }>(
		`SELECT table_schema || '.' || table_name AS table, column_name AS column FROM information_schema.columns
		WHERE (table_schema = 'auth' AND table_name IN ('users', 'identities')) OR (table_schema = 'public' AND table_name = 'profiles')`,
	);
	const columns = new Map<string, Set<string>>();
	for (const { table, column } of rows) {
		if (!columns.has(table)) columns.set(table, new Set());
		columns.get(table)!.add(column);
	}
	if (!columns.has("auth.users") || !columns.has("auth.identities")) {
		throw new ImportError(
			"The source database (FROM_DATABASE_URL) has no auth.users and auth.identities tables: point it at your Supabase project's Postgres database.",
		);
	}
	for (const [table, required] of Object.entries(REQUIRED_COLUMNS)) {
		const present = columns.get(table);
		if (!present) continue;
		const missing = required.filter((column) => !present.has(column));
		if (missing.length > 0) {
			throw new ImportError(`The source's ${table} has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}; the import reads them.`);
		}
	}
	const profiles = columns.get("public.profiles");
	return profiles ? { createdAt: profiles.has("created_at"), updatedAt: profiles.has("updated_at") } : null;
}

function toSourceUser(row: Record<string, any>): SourceUser {
	return {
		id: row.id,
		email: row.email,
		encryptedPassword: row.encryptedPassword,
		emailConfirmedAt: row.emailConfirmedAt,
		phone: row.phone,
		meta: {
			name: row.metaName,
			fullName: row.metaFullName,
			userName: row.metaUserName,
			avatarUrl: row.metaAvatarUrl,
			picture: row.metaPicture,
		},
		banned: row.banned,
		deleted: row.deleted,
		isSsoUser: row.isSsoUser,
		isAnonymous: row.isAnonymous,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
	};
}

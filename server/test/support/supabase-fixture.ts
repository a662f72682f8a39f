import bcrypt from "bcryptjs";
import pg from "pg";
import { type TestDatabase, createTestDatabase } from "./postgres.js";

/**
 * Supabase's auth schema as GoTrue's migrations leave it (shared/notes/supabase.md): the 35
 * columns of auth.users with the generated `confirmed_at` and the case-sensitive partial unique
 * index on email, auth.identities with its generated `email`, and the seed design's
 * public.profiles.
 */
export const SUPABASE_SCHEMA_SQL = `
CREATE SCHEMA auth;

CREATE TABLE auth.users (
	instance_id uuid NULL,
	id uuid NOT NULL PRIMARY KEY,
	aud varchar(255) NULL,
	"role" varchar(255) NULL,
	email varchar(255) NULL,
	encrypted_password varchar(255) NULL,
	email_confirmed_at timestamptz NULL,
	invited_at timestamptz NULL,
	confirmation_token varchar(255) NULL,
	confirmation_sent_at timestamptz NULL,
	recovery_token varchar(255) NULL,
	recovery_sent_at timestamptz NULL,
	email_change_token_new varchar(255) NULL,
	email_change varchar(255) NULL,
	email_change_sent_at timestamptz NULL,
	last_sign_in_at timestamptz NULL,
	raw_app_meta_data jsonb NULL,
	raw_user_meta_data jsonb NULL,
	is_super_admin bool NULL,
	created_at timestamptz NULL,
	updated_at timestamptz NULL,
	phone text NULL UNIQUE DEFAULT NULL,
	phone_confirmed_at timestamptz NULL,
	phone_change text NULL DEFAULT '',
	phone_change_token varchar(255) NULL DEFAULT '',
	phone_change_sent_at timestamptz NULL,
	confirmed_at timestamptz GENERATED ALWAYS AS (LEAST(email_confirmed_at, phone_confirmed_at)) STORED,
	email_change_token_current varchar(255) NULL DEFAULT '',
	email_change_confirm_status smallint NULL DEFAULT 0 CHECK (email_change_confirm_status >= 0 AND email_change_confirm_status <= 2),
	banned_until timestamptz NULL,
	reauthentication_token varchar(255) NULL DEFAULT '',
	reauthentication_sent_at timestamptz NULL,
	is_sso_user boolean NOT NULL DEFAULT false,
	deleted_at timestamptz NULL,
	is_anonymous boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX users_email_partial_key ON auth.users (email) WHERE (is_sso_user = false);
CREATE INDEX users_instance_id_idx ON auth.users (instance_id);
CREATE INDEX users_is_anonymous_idx ON auth.users (is_anonymous);

CREATE TABLE auth.identities (
	provider_id text NOT NULL,
	user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
	identity_data jsonb NOT NULL,
	provider text NOT NULL,
	last_sign_in_at timestamptz NULL,
	created_at timestamptz NULL,
	updated_at timestamptz NULL,
	email text GENERATED ALWAYS AS (lower(identity_data ->> 'email')) STORED,
	id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
	CONSTRAINT identities_provider_id_provider_unique UNIQUE (provider_id, provider)
);
CREATE INDEX identities_user_id_idx ON auth.identities (user_id);
CREATE INDEX identities_email_idx ON auth.identities (email text_pattern_ops);

CREATE TABLE public.profiles (
	id uuid NOT NULL PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,
	software_background text,
	hardware_background text,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now()
);`;

/** A fresh database holding an empty Supabase auth schema. */
export async function createSupabaseDatabase(): Promise<TestDatabase> {
	const database = await createTestDatabase();
	await withClient(database.url, (client) => client.query(SUPABASE_SCHEMA_SQL));
	return database;
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

/** The password of every generated user whose `i % 4` is k: `generated-password-k`. */
export const generatedPassword = (i: number) => `generated-password-${i % 4}`;

/**
 * Users `from..to` (ids `md5('user-' || i)::uuid`), in proportions a real project has: most with
 * email and password, some OAuth-only or with several identities, passwordless, unconfirmed,
 * and a sprinkle of anonymous, soft-deleted, phone-only, banned and SSO users and of emails that
 * differ from another only in case; profiles for about 60%. Built in SQL with generate_series,
 * reusing four bcrypt hashes, so 100,000 users take seconds.
 */
export async function generateSupabaseUsers(url: string, from: number, to: number): Promise<void> {
	const hashes = [0, 1, 2, 3].map((k) => {
		const hash = bcrypt.hashSync(generatedPassword(k), 4);
		// Go writes $2a$; imported hashes bring $2b$ and $2y$.
		return ["$2a$", "$2a$", "$2b$", "$2y$"][k] + hash.slice(4);
	});
	await withClient(url, async (client) => {
		await client.query("BEGIN");
		// CREATE TABLE AS takes no parameters: the bounds are whole numbers, written in.
		await client.query(
			`CREATE TEMP TABLE plan ON COMMIT DROP AS
			SELECT i, md5('user-' || i)::uuid AS id, abs(hashint4(i)) % 1000 AS bucket,
				'2023-01-01 00:00:00+00'::timestamptz + i * interval '37 seconds' + (i % 997) * interval '1 microsecond' AS created
			FROM generate_series(${Math.trunc(from)}, ${Math.trunc(to)}) AS i`,
		);
		// bucket: 0-599 email+password, 600-699 unconfirmed, 700-849 OAuth only, 850-899 password+Google,
		// 900-939 passwordless (half invited), 940-959 anonymous, 960-969 deleted, 970-979 phone only,
		// 980-984 banned, 985-989 SSO, 990-999 email+password with a sign-in recorded.
		await client.query(
			`INSERT INTO auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, invited_at,
				phone, phone_confirmed_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data, banned_until, deleted_at,
				is_sso_user, is_anonymous, created_at, updated_at)
			SELECT '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated',
				CASE WHEN bucket BETWEEN 940 AND 959 OR bucket BETWEEN 970 AND 979 THEN NULL
					WHEN bucket BETWEEN 960 AND 969 THEN encode(sha256(('user' || i)::bytea), 'hex')
					WHEN i % 5000 = 0 THEN 'USER' || (i - 1) || '@Example.com'
					ELSE 'user' || i || '@example.com' END,
				CASE WHEN bucket < 700 OR bucket BETWEEN 850 AND 899 OR bucket >= 970 AND bucket < 985 OR bucket >= 990
					THEN ($1::text[])[i % 4 + 1] WHEN bucket BETWEEN 960 AND 969 THEN NULL ELSE '' END,
				CASE WHEN bucket BETWEEN 600 AND 699 OR bucket BETWEEN 940 AND 979 OR (bucket BETWEEN 900 AND 939 AND i % 2 = 0) THEN NULL
					ELSE created + interval '5 minutes' END,
				CASE WHEN bucket BETWEEN 900 AND 939 AND i % 2 = 0 THEN created END,
				CASE WHEN bucket BETWEEN 970 AND 979 THEN '1555' || lpad(i::text, 7, '0') END,
				CASE WHEN bucket BETWEEN 970 AND 979 THEN created END,
				CASE WHEN bucket >= 990 THEN created + interval '30 days' END,
				'{"provider": "email", "providers": ["email"]}',
				CASE WHEN bucket BETWEEN 700 AND 899 THEN jsonb_build_object('full_name', 'Person ' || i, 'avatar_url', 'https://avatars.example/' || i)
					ELSE '{}'::jsonb END,
				CASE WHEN bucket BETWEEN 980 AND 984 THEN now() + interval '10 years' END,
				CASE WHEN bucket BETWEEN 960 AND 969 THEN created + interval '60 days' END,
				bucket BETWEEN 985 AND 989, bucket BETWEEN 940 AND 959, created, created + interval '5 minutes'
			FROM plan`,
			[hashes],
		);
		await client.query(
			`INSERT INTO auth.identities (id, provider_id, user_id, identity_data, provider, created_at, updated_at)
			SELECT md5(kind || '-' || i)::uuid, CASE WHEN kind IN ('email', 'phone') THEN id::text ELSE kind || '-sub-' || i END, id,
				jsonb_build_object('sub', CASE WHEN kind IN ('email', 'phone') THEN id::text ELSE kind || '-sub-' || i END, 'email', 'user' || i || '@example.com'),
				kind, created, created
			FROM plan CROSS JOIN LATERAL unnest(CASE
				WHEN bucket < 700 OR bucket BETWEEN 900 AND 939 OR bucket BETWEEN 980 AND 984 OR bucket >= 990 THEN ARRAY['email']
				WHEN bucket BETWEEN 700 AND 849 THEN ARRAY[CASE WHEN i % 3 = 0 THEN 'github' ELSE 'google' END]
				WHEN bucket BETWEEN 850 AND 899 THEN ARRAY['email', 'google']
				WHEN bucket BETWEEN 970 AND 979 THEN ARRAY['phone']
				WHEN bucket BETWEEN 985 AND 989 THEN ARRAY['sso:5f1c2b1e-0000-4000-8000-000000000001']
				ELSE ARRAY[]::text[] END) AS kind`,
		);
		await client.query(
			`INSERT INTO public.profiles (id, software_background, hardware_background, created_at, updated_at)
			SELECT id, 'Python and a little Rust, person ' || i, CASE WHEN i % 3 = 0 THEN NULL ELSE 'Arduino, Raspberry Pi' END,
				created + interval '6 minutes', created + interval '7 minutes'
			FROM plan WHERE i % 5 < 3`,
		);
		await client.query("COMMIT");
		await client.query("ANALYZE auth.users; ANALYZE auth.identities; ANALYZE public.profiles");
	});
}

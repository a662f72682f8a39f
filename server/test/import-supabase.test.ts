import bcrypt from "bcryptjs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, createTestDatabase } from "./support/postgres.js";
import { dumpImportedTables, runImport } from "./support/import-command.js";
import { createSupabaseDatabase, withClient } from "./support/supabase-fixture.js";
import { TestClient } from "./support/test-client.js";
import { type TestServer, startTestServer } from "./support/test-server.js";

/** Every edge case of shared/notes/supabase.md, one Supabase user each, with known passwords. */
interface SupabaseUser {
	n: number;
	email: string | null;
	password?: string | null;
	/** Replaces the hash made from `password` (for formats bcryptjs doesn't write). */
	hash?: string | null;
	confirmed?: boolean;
	invited?: boolean;
	phone?: string;
	lastSignInAt?: string;
	meta?: Record<string, string>;
	bannedUntil?: string;
	deleted?: boolean;
	sso?: boolean;
	anonymous?: boolean;
	timestamps?: false;
	identities?: [provider: string, providerId?: string][];
	profile?: [software: string | null, hardware: string | null];
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const bcryptAs = (prefix: string, password: string, cost: number) => prefix + bcrypt.hashSync(password, cost).slice(4);
const LONG_ANSWER = `${"Ünïcode ✓ 🚀 ".repeat(208)}end`; // 2,499 code points
const AT_LIMIT_ANSWER = "x".repeat(2000);
const ARGON2 = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$6bWZl0Y0Ufb8K5jCPa3cnEJWVPfOGmvKiQYQaXbvfoU";
const SSO_PROVIDER = "sso:9b7f5c0a-1111-4222-8333-444455556666";

const USERS: SupabaseUser[] = [
	{ n: 1, email: "ada@example.com", password: "ada-password-1", meta: { full_name: "Ada Lovelace" }, identities: [["email"]], profile: ["Python, some Rust\nand a little Go", "Arduino ✓ — حساس"] },
	{ n: 2, email: "bob@example.com", password: "bob-password-2", confirmed: false, identities: [["email"]] },
	{ n: 3, email: "carol@example.com", password: "carol-password-3", hash: "$2b$12", identities: [["email"]] },
	{ n: 4, email: "dave@example.com", password: "dave-password-4", hash: "$2y$08", identities: [["email"]] },
	{ n: 5, email: "erin@example.com", password: "erin-password-5", hash: "$2a$04", identities: [["email"]] },
	{ n: 6, email: "Mixed.Case@Example.COM", password: "mixed-password-6", identities: [["email"]] },
	// Same address but for case: 8 keeps it (confirmed), although 7 has the smaller id.
	{ n: 7, email: "dup@example.com", password: "dup-loser-pw-7", confirmed: false, identities: [["email"]] },
	{ n: 8, email: "Dup@Example.com", password: "dup-winner-pw-8", lastSignInAt: "2024-06-01T10:00:00Z", identities: [["email"]] },
	{ n: 9, email: "grace@example.com", password: "", meta: { full_name: "Grace Hopper", avatar_url: "https://img.example/grace.png" }, identities: [["google", "google-sub-109"]], profile: ["COBOL", null] },
	{ n: 10, email: "heidi@example.com", password: null, meta: { user_name: "heidi-gh" }, identities: [["github", "4242"]] },
	{ n: 11, email: "ivan@example.com", password: "ivan-password-11", identities: [["email"], ["google", "google-sub-111"], ["github", "111"], ["azure", "azure-sub-111"]] },
	{ n: 12, email: "judy@example.com", password: "", confirmed: false, invited: true, profile: ["invited, never came", ""] },
	{ n: 13, email: "ken@example.com", password: "", identities: [["email"]] },
	{ n: 14, email: null, phone: "15551230014", password: "phone-password-14", identities: [["phone"]], profile: ["phone only", null] },
	{ n: 15, email: null, anonymous: true, password: "", profile: ["anonymous", null] },
	{ n: 16, email: "5d41402abc4b2a76b9719d911017c592aa", password: null, deleted: true, identities: [["email"]], profile: ["deleted", null] },
	{ n: 17, email: "niaj@example.com", password: "niaj-password-17", bannedUntil: "2999-01-01T00:00:00Z", identities: [["email"]] },
	{ n: 18, email: "olivia@example.com", password: "olivia-password-18", bannedUntil: "2020-01-01T00:00:00Z", identities: [["email"]] },
	{ n: 19, email: "victor@corp.example", sso: true, password: "", identities: [[SSO_PROVIDER, "victor-sso-sub"]], profile: ["SSO", null] },
	{ n: 20, email: "peggy@corp.example", password: "peggy-password-20", lastSignInAt: "2024-07-01T00:00:00Z", identities: [["email"]] },
	// An SSO user may share a non-SSO user's exact address (the unique index exempts SSO users).
	{ n: 25, email: "peggy@corp.example", sso: true, password: "", identities: [[SSO_PROVIDER, "peggy-sso-sub"]] },
	{ n: 21, email: "rupert@example.com", password: "rupert-password-21", hash: ARGON2, identities: [["email"]] },
	{ n: 22, email: "sybil@example.com", password: "sybil-password-22", identities: [["email"]], profile: [LONG_ANSWER, AT_LIMIT_ANSWER] },
	{ n: 23, email: "taken@example.com", password: "taken-supabase-pw-23", identities: [["email"]], profile: ["taken", null] },
	{ n: 24, email: "trent@example.com", password: "trent-password-24", timestamps: false, identities: [["email"]] },
];
const user = (n: number) => USERS.find((u) => u.n === n)!;

async function seedSupabase(url: string): Promise<void> {
	await withClient(url, async (client) => {
		for (const u of USERS) {
			const created = u.timestamps === false ? null : `2023-0${1 + (u.n % 9)}-1${u.n % 10} 08:30:15.${String(123456 + u.n)}+00`;
			let hash: string | null | undefined = u.password;
			if (u.password) hash = u.hash?.startsWith("$argon2") ? u.hash : bcryptAs(u.hash?.slice(0, 4) ?? "$2a$", u.password, Number(u.hash?.slice(4, 6) ?? 10));
			await client.query(
				`INSERT INTO auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, invited_at, phone,
					phone_confirmed_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data, banned_until, deleted_at, is_sso_user,
					is_anonymous, created_at, updated_at)
				VALUES ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, $3, $4, $5, $6, $7, $8,
					'{}', $9, $10, $11, $12, $13, $14, $15)`,
				[
					id(u.n), u.email, hash, u.email && u.confirmed !== false ? created ?? "2023-01-01T00:00:00Z" : null,
					u.invited ? created : null, u.phone ?? null, u.phone ? created : null, u.lastSignInAt ?? null,
					JSON.stringify(u.meta ?? {}), u.bannedUntil ?? null, u.deleted ? "2024-02-02T00:00:00Z" : null, u.sso ?? false,
					u.anonymous ?? false, created, created && `${created.slice(0, 4)}-12-31 23:59:59.999999+00`,
				],
			);
			for (const [provider, providerId] of u.identities ?? []) {
				await client.query(
					`INSERT INTO auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)`,
					[providerId ?? id(u.n), id(u.n), JSON.stringify({ sub: providerId ?? id(u.n), email: u.email }), provider, created],
				);
			}
			if (u.profile) {
				await client.query(
					`INSERT INTO public.profiles (id, software_background, hardware_background, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)`,
					[id(u.n), ...u.profile, created ?? "2023-05-05T00:00:00Z"],
				);
			}
		}
	});
}

describe("npm run import:supabase", () => {
	let source: TestDatabase;
	let target: TestDatabase;
	let server: TestServer;
	let env: Record<string, string>;
	let targetPool: pg.Pool;
	let sourceBefore: string;
	const sourceChecksum = () =>
		withClient(source.url, async (client) => {
			const { rows } = await client.query(`SELECT md5(
				(SELECT string_agg(t::text, ',' ORDER BY id) FROM auth.users t) ||
				(SELECT string_agg(t::text, ',' ORDER BY id) FROM auth.identities t) ||
				(SELECT string_agg(t::text, ',' ORDER BY id) FROM public.profiles t)) AS sum`);
			return rows[0].sum as string;
		});
	/** The first import into the target, which every test below looks at or builds on. */
	let first: Awaited<ReturnType<typeof runImport>>;
	const query = async (text: string, values: unknown[] = []) => (await targetPool.query(text, values)).rows;

	beforeAll(async () => {
		source = await createSupabaseDatabase();
		await seedSupabase(source.url);
		target = await createTestDatabase();
		targetPool = new pg.Pool({ connectionString: target.url, max: 2 });
		// The Gatehouse server already runs on the target, and someone signed up there first.
		server = await startTestServer("postgres", { DATABASE_URL: target.url });
		const signUp = await new TestClient(server.baseURL).request("POST", "/api/auth/sign-up/email", {
			email: "taken@example.com",
			password: "taken-gatehouse-pw",
			name: "Signed up on Gatehouse",
		});
		expect(signUp.status).toBe(200);
		// trust authentication ignores the password: it is here to prove it is never printed.
		const from = new URL(source.url);
		from.password = "source-secret-pw";
		env = { FROM_DATABASE_URL: from.toString(), TO_DATABASE_URL: target.url };
		sourceBefore = await sourceChecksum();
		first = await runImport(env, ["--json"]);
	});
	afterAll(async () => {
		await targetPool?.end();
		await server?.close();
		await source?.drop();
		await target?.drop();
	});

	const signIn = (email: string, password: string) =>
		new TestClient(server.baseURL).request("POST", "/api/auth/sign-in/email", { email, password });
	const storedPassword = async (n: number) =>
		(await query(`SELECT password FROM account WHERE "userId" = $1 AND "providerId" = 'credential'`, [id(n)]))[0]?.password as string | undefined;

	describe("the first run, with the default policies", () => {
		it("counts every row of each kind, the totals add up, and it exits 1 for what needs a decision", () => {
			expect(first.stderr).not.toMatch(/\n\s+at /); // no stack trace
			expect(first.code).toBe(1);
			const report = first.report!;
			expect(report.totalsAddUp).toBe(true);
			expect(report.counts.users).toEqual({
				read: 25, imported: 17, updated: 0, unchanged: 0, conflicts: 2,
				skipped: { phone_only: 1, anonymous: 1, deleted: 1, banned: 1, sso: 2 },
			});
			expect(report.counts.passwords).toEqual({ read: 17, imported: 13, updated: 0, unchanged: 0, conflicts: 2, skipped: { phone_only: 1, banned: 1 } });
			expect(report.counts.identities).toEqual({
				read: 26, imported: 5, updated: 0, unchanged: 0, conflicts: 2,
				skipped: { phone_only: 1, deleted: 1, banned: 1, sso: 2, not_an_account: 14 },
			});
			expect(report.counts.profiles).toEqual({
				read: 9, imported: 4, updated: 0, unchanged: 0, conflicts: 1,
				skipped: { phone_only: 1, anonymous: 1, deleted: 1, sso: 1 },
			});
			expect(report.conflicts).toEqual(
				expect.arrayContaining([
					{ userId: id(7), email: "dup@example.com", reason: "case_duplicate", keptUserId: id(8) },
					{ userId: id(23), email: "taken@example.com", reason: "taken", keptUserId: expect.any(String) },
				]),
			);
			expect(report.conflicts).toHaveLength(2);
			expect(report.providers).toEqual({ github: 2, google: 2, microsoft: 1 });
			expect(report.needsDecision.join("\n")).toMatch(/2 users were left out because another user has the same email/);
			expect(report.needsDecision.join("\n")).toMatch(/2 SSO users were left out/);
			expect(report.warnings.join("\n")).toMatch(/1 profile answer is longer than 2000 characters/);
			expect(report.warnings.join("\n")).toMatch(/1 password hash is not bcrypt/);
		});

		it("leaves the source exactly as it was", async () => {
			expect(await sourceChecksum()).toBe(sourceBefore);
		});

		it("never prints a password, a hash or the connection password", () => {
			const output = first.stdout + first.stderr;
			expect(output).not.toContain("source-secret-pw");
			expect(output).not.toMatch(/\$2[aby]\$/);
			expect(output).not.toContain("$argon2");
			for (const u of USERS) if (u.password) expect(output).not.toContain(u.password);
		});

		it("writes users with their Supabase ids, lowercased emails, verification, names and exact timestamps", async () => {
			const rows = await query(
				`SELECT id, email, "emailVerified", name, image, "createdAt"::text AS created FROM "user" WHERE id = ANY($1) ORDER BY id`,
				[[1, 2, 6, 8, 9, 10, 24].map(id)],
			);
			expect(rows).toEqual([
				{ id: id(1), email: "ada@example.com", emailVerified: true, name: "Ada Lovelace", image: null, created: "2023-02-11 08:30:15.123457+00" },
				{ id: id(2), email: "bob@example.com", emailVerified: false, name: "bob", image: null, created: "2023-03-12 08:30:15.123458+00" },
				{ id: id(6), email: "mixed.case@example.com", emailVerified: true, name: "Mixed.Case", image: null, created: "2023-07-16 08:30:15.123462+00" },
				{ id: id(8), email: "dup@example.com", emailVerified: true, name: "Dup", image: null, created: "2023-09-18 08:30:15.123464+00" },
				{ id: id(9), email: "grace@example.com", emailVerified: true, name: "Grace Hopper", image: "https://img.example/grace.png", created: "2023-01-19 08:30:15.123465+00" },
				{ id: id(10), email: "heidi@example.com", emailVerified: true, name: "heidi-gh", image: null, created: "2023-02-10 08:30:15.123466+00" },
				{ id: id(24), email: "trent@example.com", emailVerified: true, name: "trent", image: null, created: "1970-01-01 00:00:00+00" },
			]);
			for (const n of [7, 14, 15, 16, 17, 19, 23, 25]) expect(await query(`SELECT 1 FROM "user" WHERE id = $1`, [id(n)])).toEqual([]);
		});

		it("makes one credential account per password and one account per OAuth identity, none for passwordless users", async () => {
			const accounts = await query(`SELECT "userId", "providerId", "accountId", password IS NOT NULL AS "hasPassword" FROM account WHERE "userId" = ANY($1) ORDER BY "userId", "providerId"`, [
				[9, 10, 11, 12, 13].map(id),
			]);
			expect(accounts).toEqual([
				{ userId: id(9), providerId: "google", accountId: "google-sub-109", hasPassword: false },
				{ userId: id(10), providerId: "github", accountId: "4242", hasPassword: false },
				{ userId: id(11), providerId: "credential", accountId: id(11), hasPassword: true },
				{ userId: id(11), providerId: "github", accountId: "111", hasPassword: false },
				{ userId: id(11), providerId: "google", accountId: "google-sub-111", hasPassword: false },
				{ userId: id(11), providerId: "microsoft", accountId: "azure-sub-111", hasPassword: false },
			]);
			expect(await storedPassword(21)).toBe(ARGON2);
		});

		it("puts each profile with its user, answers whole", async () => {
			const profiles = await query(
				`SELECT user_id, software_background, hardware_background FROM user_profile WHERE user_id LIKE '00000000-%' ORDER BY user_id`,
			);
			expect(profiles).toEqual([
				{ user_id: id(1), software_background: "Python, some Rust\nand a little Go", hardware_background: "Arduino ✓ — حساس" },
				{ user_id: id(9), software_background: "COBOL", hardware_background: null },
				{ user_id: id(12), software_background: "invited, never came", hardware_background: "" },
				{ user_id: id(22), software_background: LONG_ANSWER, hardware_background: AT_LIMIT_ANSWER },
			]);
			expect([...LONG_ANSWER].length).toBe(2499);
			// The one row the Gatehouse sign-up made is still there, untouched.
			expect(await query(`SELECT count(*)::int AS n FROM user_profile p JOIN "user" u ON u.id = p.user_id WHERE u.email = 'taken@example.com'`)).toEqual([{ n: 1 }]);
		});

		it("a second run changes nothing", async () => {
			const before = await dumpImportedTables(target.url);
			const second = await runImport(env, ["--json"]);
			expect(second.code).toBe(1);
			for (const kind of ["users", "passwords", "identities", "profiles"] as const) {
				const counts = second.report!.counts[kind];
				expect({ kind, imported: counts.imported, updated: counts.updated }).toEqual({ kind, imported: 0, updated: 0 });
				expect(counts.unchanged).toBe(first.report!.counts[kind].imported);
			}
			expect(await dumpImportedTables(target.url)).toEqual(before);
		});
	});

	describe("signing in through the Gatehouse server afterwards", () => {
		const working = [1, 2, 3, 4, 5, 6, 8, 11, 18, 20, 22, 24];

		it.each(working)("user %i signs in with the Supabase password, not a wrong one, and is re-hashed to scrypt", async (n) => {
			const { email, password } = user(n);
			expect(await storedPassword(n)).toMatch(/^\$2[aby]\$/);
			expect((await signIn(email!.toLowerCase(), `${password}-wrong`)).status).toBe(401);
			const first = await signIn(email!, password!);
			expect(first.status).toBe(200);
			expect(first.body.user.id).toBe(id(n));
			expect(await storedPassword(n)).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
			expect((await signIn(email!, password!)).status).toBe(200);
			expect((await signIn(email!, `${password}-wrong`)).status).toBe(401);
		});

		it("the kept user of a case duplicate signs in; the other one's password doesn't", async () => {
			expect((await signIn("dup@example.com", "dup-loser-pw-7")).status).toBe(401);
			expect((await signIn("DUP@example.com", "dup-winner-pw-8")).body.user?.id).toBe(id(8));
		});

		it.each([
			["phone-only (no email to sign in with)", 14, "15551230014@example.com"],
			["banned", 17, undefined],
			["OAuth-only", 9, undefined],
			["invited, no password", 12, undefined],
			["a hash that is not bcrypt", 21, undefined],
		])("a %s user can't sign in with a password", async (_, n, email) => {
			const response = await signIn(email ?? user(n).email!, user(n).password || "any password at all");
			expect(response.status).toBe(401);
			expect(response.body.code).toBe("INVALID_EMAIL_OR_PASSWORD");
		});

		it("an email already taken in Gatehouse keeps its Gatehouse password", async () => {
			expect((await signIn("taken@example.com", "taken-supabase-pw-23")).status).toBe(401);
			expect((await signIn("taken@example.com", "taken-gatehouse-pw")).status).toBe(200);
		});

		it("an imported user reads their own profile from the API", async () => {
			const ada = new TestClient(server.baseURL);
			expect((await ada.request("POST", "/api/auth/sign-in/email", { email: "ada@example.com", password: "ada-password-1" })).status).toBe(200);
			const profile = await ada.request("GET", "/api/profile");
			expect(profile.body).toMatchObject({ userId: id(1), softwareBackground: "Python, some Rust\nand a little Go", hardwareBackground: "Arduino ✓ — حساس" });
		});

		it("a rerun after sign-ins leaves the re-hashed passwords and everything else alone", async () => {
			const before = await dumpImportedTables(target.url);
			const rerun = await runImport(env, ["--json"]);
			expect(rerun.report!.counts.users).toMatchObject({ imported: 0, updated: 0 });
			expect(rerun.report!.counts.passwords).toMatchObject({ imported: 0, updated: 0 });
			expect(await dumpImportedTables(target.url)).toEqual(before);
			expect(await storedPassword(1)).toMatch(/^[0-9a-f]{32}:/);
		});
	});

	describe("passwordless and unverified users, through the server's email flows", () => {
		/** Asks for a reset link, reads it from the development outbox, and sets a new password with it. */
		const resetPassword = async (email: string, newPassword: string) => {
			const client = new TestClient(server.baseURL);
			const asked = await client.request("POST", "/api/auth/request-password-reset", { email, redirectTo: `${server.baseURL}/reset-password` });
			expect(asked.status).toBe(200);
			await server.server.mailer.idle();
			const outbox = await (await fetch(`${server.baseURL}/dev/outbox`)).text();
			const token = outbox.match(/\/api\/auth\/reset-password\/(\w+)\?/)?.[1];
			expect(token).toBeTruthy();
			return client.request("POST", "/api/auth/reset-password", { token, newPassword });
		};

		it.each([
			["an invited user with no password", 12],
			["a user whose hash isn't bcrypt", 21],
		])("%s gets a working password through forgot-password", async (_, n) => {
			const { email } = user(n);
			expect((await resetPassword(email!, `new-password-${n}`)).status).toBe(200);
			expect(await storedPassword(n)).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
			expect((await signIn(email!, `new-password-${n}`)).status).toBe(200);
		});

		it("with REQUIRE_EMAIL_VERIFICATION=true, a user Supabase never confirmed must verify first; a confirmed one signs in", async () => {
			const strict = await startTestServer("postgres", { DATABASE_URL: target.url, REQUIRE_EMAIL_VERIFICATION: "true" });
			try {
				const attempt = (n: number) =>
					new TestClient(strict.baseURL).request("POST", "/api/auth/sign-in/email", { email: user(n).email, password: user(n).password });
				const unconfirmed = await attempt(2);
				expect(unconfirmed.status).toBe(403);
				expect(unconfirmed.body.code).toBe("EMAIL_NOT_VERIFIED");
				expect((await attempt(5)).status).toBe(200);
			} finally {
				await strict.close();
			}
		});
	});

	describe("other policies and modes", () => {
		const POLICY_FLAGS = ["--sso=import", "--banned=import", "--unconfirmed=skip", "--conflicts=skip"];
		let other: TestDatabase;
		beforeAll(async () => {
			other = await createTestDatabase();
		});
		afterAll(async () => {
			await other?.drop();
		});
		const otherEnv = () => ({ ...env, TO_DATABASE_URL: other.url });
		const tables = async () =>
			withClient(other.url, async (client) => (await client.query(`SELECT to_regclass('public."user"')::text AS t`)).rows[0].t as string | null);

		it("a dry run on an empty target counts what it would import and creates nothing", async () => {
			const dry = await runImport(otherEnv(), ["--dry-run", "--json"]);
			expect(dry.code).toBe(1);
			expect(dry.report!.dryRun).toBe(true);
			// The target has no one yet, so Gatehouse's taken@example.com is no conflict here.
			expect(dry.report!.counts.users).toMatchObject({ read: 25, imported: 18, conflicts: 1 });
			expect(await tables()).toBeNull();
		});

		it("--sso=import --banned=import --unconfirmed=skip --conflicts=skip brings in SSO and banned users, leaves out unconfirmed ones, exits 0", async () => {
			const run = await runImport(otherEnv(), [...POLICY_FLAGS, "--json"]);
			expect(run.code).toBe(0);
			expect(run.report!.needsDecision).toEqual([]);
			// 7 is now left out as unconfirmed; 25 (SSO, now imported) loses peggy@ to 20, who signed in.
			expect(run.report!.counts.users).toEqual({
				read: 25, imported: 18, updated: 0, unchanged: 0, conflicts: 1,
				skipped: { phone_only: 1, anonymous: 1, deleted: 1, unconfirmed: 3 },
			});
			expect(run.report!.conflicts).toEqual([{ userId: id(25), email: "peggy@corp.example", reason: "case_duplicate", keptUserId: id(20) }]);
			const rows = await withClient(other.url, async (client) =>
				(await client.query(`SELECT u.id, a."providerId", a."accountId" FROM "user" u LEFT JOIN account a ON a."userId" = u.id WHERE u.id = ANY($1) ORDER BY u.id`, [[17, 19, 25, 2].map(id)])).rows,
			);
			expect(rows).toEqual([
				{ id: id(17), providerId: "credential", accountId: id(17) },
				{ id: id(19), providerId: SSO_PROVIDER, accountId: "victor-sso-sub" },
			]);
		});

		it("pages of 3 users end in exactly the state of one page of 2000", async () => {
			const paged = await createTestDatabase();
			try {
				const run = await runImport({ ...env, TO_DATABASE_URL: paged.url }, [...POLICY_FLAGS, "--batch-size=3", "--json"]);
				expect(run.code).toBe(0);
				expect(await dumpImportedTables(paged.url)).toEqual(await dumpImportedTables(other.url));
			} finally {
				await paged.drop();
			}
		});

		it("a dry run on a populated target finds nothing to do and writes nothing", async () => {
			const before = await dumpImportedTables(other.url);
			const dry = await runImport(otherEnv(), [...POLICY_FLAGS, "--dry-run", "--json"]);
			expect(dry.code).toBe(0);
			expect(dry.report!.counts.users).toMatchObject({ imported: 0, updated: 0, unchanged: 18 });
			expect(await dumpImportedTables(other.url)).toEqual(before);
		});
	});

	describe("bad input gets one clear line and exit code 2", () => {
		it.each([
			["FROM_DATABASE_URL is missing", () => ({ TO_DATABASE_URL: target.url }), [], /^import: FROM_DATABASE_URL is not set/m],
			["no target URL at all", () => ({ FROM_DATABASE_URL: source.url }), [], /^import: TO_DATABASE_URL \(or DATABASE_URL\) is not set/m],
			["a URL that isn't Postgres", () => ({ FROM_DATABASE_URL: "mysql://x@y/z", TO_DATABASE_URL: target.url }), [], /FROM_DATABASE_URL must start with postgresql:\/\//],
			["an unknown flag", () => env, ["--force"], /Unknown option "--force"/],
			["a bad policy value", () => env, ["--sso=maybe"], /--sso must be one of report, skip, import, got "maybe"/],
			["a bad batch size", () => env, ["--batch-size=0"], /--batch-size must be a whole number/],
			["an unreachable source", () => ({ FROM_DATABASE_URL: "postgresql://postgres:hunter2-secret@127.0.0.1:1/nowhere", TO_DATABASE_URL: target.url }), [], /Could not connect to the source database FROM_DATABASE_URL \(postgresql:\/\/postgres@127\.0\.0\.1:1\/nowhere/],
			["an unreachable target", () => ({ FROM_DATABASE_URL: source.url, TO_DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere" }), [], /Could not connect to the target database/],
			["a source without Supabase's auth schema", () => ({ FROM_DATABASE_URL: target.url, TO_DATABASE_URL: target.url }), [], /has no auth\.users and auth\.identities tables/],
		])("%s", async (_, makeEnv, args, message) => {
			const result = await runImport(makeEnv() as Record<string, string>, args as string[]);
			expect(result.code).toBe(2);
			expect(result.stderr).toMatch(message);
			expect(result.stderr).not.toMatch(/\n\s+at /);
			expect(result.stderr).not.toContain("hunter2-secret");
			expect(result.stdout).toBe("");
		});
	});
});

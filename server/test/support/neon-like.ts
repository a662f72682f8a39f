import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./free-port.js";

/**
 * A local stand-in for Neon: PostgreSQL that accepts only TLS with SCRAM passwords, and PgBouncer
 * in transaction mode in front of it (Neon's `-pooler` endpoint). URLs are in Neon's form, with
 * full certificate verification against a throwaway CA (shared/notes/neon.md).
 */
export interface NeonLike {
	/** Straight to PostgreSQL, as Neon's plain endpoint: for creating and dropping databases. */
	directUrl: string;
	/** Through PgBouncer in transaction mode, as Neon's `-pooler` endpoint: what the server gets. */
	pooledUrl: string;
	/** The throwaway CA that signed the server certificate. */
	caFile: string;
	stop(): Promise<void>;
}

/** The role and database Neon creates for a new project; the role owns the database but is no superuser. */
const NEON_ROLE = "neondb_owner";
const NEON_DATABASE = "neondb";
/** Neon's own superuser is not given to customers: here it only creates the role above. */
const ADMIN_ROLE = "cloud_admin";

const run = promisify(execFile);

export async function startNeonLike(): Promise<NeonLike> {
	const tools = findTools();
	const dir = mkdtempSync(join(tmpdir(), "gatehouse-neon-"));
	// PostgreSQL and PgBouncer refuse to run as root: as root, run them as the postgres OS user.
	const owner = process.getuid?.() === 0 ? osUser("postgres") : undefined;
	const daemons: Daemon[] = [];
	const stop = async () => {
		await Promise.all(daemons.map((daemon) => daemon.stop()));
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		if (owner) chownSync(dir, owner.uid, owner.gid);
		const adminPassword = randomPassword();
		const password = randomPassword();
		const [pgPort, bouncerPort] = await distinctFreePorts();
		const dataDir = join(dir, "pgdata");
		writeFileSync(join(dir, "admin-password"), adminPassword);
		// `--no-sync`: a test cluster need not survive a power cut; saves seconds of fsync.
		const initdb = run(tools.initdb, ["-D", dataDir, "-U", ADMIN_ROLE, `--pwfile=${join(dir, "admin-password")}`, "--auth=scram-sha-256", "--no-sync", "-E", "UTF8", "--locale=C"], {
			cwd: dir,
			...owner,
		}).catch((error) => Promise.reject(commandError("initdb", error)));
		const certificates = makeCertificates(tools.openssl, dir);
		await Promise.all([initdb, certificates]);
		if (owner) for (const file of readdirSync(dir)) chownSync(join(dir, file), owner.uid, owner.gid);

		writeFileSync(join(dataDir, "pg_hba.conf"), "hostssl all all 127.0.0.1/32 scram-sha-256\nhostssl all all ::1/128 scram-sha-256\n");
		const postgres = startDaemon(
			tools.postgres,
			[
				"-D", dataDir,
				"-c", `port=${pgPort}`,
				"-c", "listen_addresses=localhost",
				// No unix socket: every connection is TCP with TLS, as on Neon.
				"-c", "unix_socket_directories=",
				"-c", "ssl=on",
				"-c", `ssl_cert_file=${join(dir, "server.crt")}`,
				"-c", `ssl_key_file=${join(dir, "server.key")}`,
				"-c", "max_connections=200",
				// Durability is not what these tests check; speed is welcome.
				"-c", "fsync=off",
				"-c", "synchronous_commit=off",
				"-c", "full_page_writes=off",
			],
			// SIGQUIT: PostgreSQL's immediate shutdown. Nothing here needs to survive.
			"SIGQUIT",
			owner,
		);
		daemons.push(postgres);
		const tls = `sslmode=verify-full&sslrootcert=${join(dir, "ca.crt")}`;
		const url = (user: string, pw: string, port: number, database: string) => `postgresql://${user}:${pw}@localhost:${port}/${database}?${tls}`;
		await withClient(url(ADMIN_ROLE, adminPassword, pgPort, "postgres"), postgres, async (admin) => {
			await admin.query(`CREATE ROLE ${NEON_ROLE} LOGIN CREATEDB CREATEROLE PASSWORD '${password}'`);
			await admin.query(`CREATE DATABASE ${NEON_DATABASE} OWNER ${NEON_ROLE}`);
		});

		writeFileSync(join(dir, "userlist.txt"), `"${NEON_ROLE}" "${password}"\n`);
		writeFileSync(join(dir, "pgbouncer.ini"), pgbouncerConfig(dir, pgPort, bouncerPort));
		if (owner) for (const file of ["userlist.txt", "pgbouncer.ini"]) chownSync(join(dir, file), owner.uid, owner.gid);
		// SIGTERM: PgBouncer's immediate shutdown.
		const bouncer = startDaemon(tools.pgbouncer, [join(dir, "pgbouncer.ini")], "SIGTERM", owner);
		daemons.push(bouncer);

		const neon: NeonLike = {
			directUrl: url(NEON_ROLE, password, pgPort, NEON_DATABASE),
			pooledUrl: url(NEON_ROLE, password, bouncerPort, NEON_DATABASE),
			caFile: join(dir, "ca.crt"),
			stop,
		};
		await withClient(neon.pooledUrl, bouncer, async (client) => {
			await client.query("SELECT 1");
		});
		return neon;
	} catch (error) {
		await stop();
		throw error;
	}
}

function pgbouncerConfig(dir: string, pgPort: number, bouncerPort: number): string {
	return `[databases]
; Any database name goes through to the cluster, so each test's fresh database is reachable pooled.
* = host=localhost port=${pgPort}

[pgbouncer]
listen_addr = localhost
listen_port = ${bouncerPort}
unix_socket_dir =
pool_mode = transaction
auth_type = scram-sha-256
auth_file = ${join(dir, "userlist.txt")}
max_client_conn = 2000
default_pool_size = 20
client_tls_sslmode = require
client_tls_cert_file = ${join(dir, "server.crt")}
client_tls_key_file = ${join(dir, "server.key")}
server_tls_sslmode = verify-full
server_tls_ca_file = ${join(dir, "ca.crt")}
log_connections = 0
log_disconnections = 0
`;
}

/** A throwaway CA and a server certificate for localhost, 127.0.0.1 and ::1 (EC keys: generated in milliseconds). */
async function makeCertificates(openssl: string, dir: string): Promise<void> {
	const at = (file: string) => join(dir, file);
	const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
	try {
		await run(openssl, ["req", "-x509", ...ec, "-keyout", at("ca.key"), "-out", at("ca.crt"), "-days", "2", "-subj", "/CN=Gatehouse test CA"]);
		await run(openssl, ["req", "-new", ...ec, "-keyout", at("server.key"), "-out", at("server.csr"), "-subj", "/CN=localhost"]);
		writeFileSync(at("server.ext"), "subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1\nextendedKeyUsage = serverAuth\n");
		await run(openssl, [
			"x509", "-req", "-in", at("server.csr"), "-CA", at("ca.crt"), "-CAkey", at("ca.key"), "-CAcreateserial",
			"-days", "2", "-extfile", at("server.ext"), "-out", at("server.crt"),
		]);
	} catch (error) {
		throw commandError("openssl", error);
	}
	// PostgreSQL refuses a private key that others can read.
	chmodSync(at("server.key"), 0o600);
}

/** Connects as soon as the daemon accepts connections (retrying while it starts), runs `work`, disconnects. */
async function withClient(url: string, daemon: Daemon, work: (client: pg.Client) => Promise<void>): Promise<void> {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
		client.on("error", () => {});
		try {
			await client.connect();
		} catch (error) {
			await client.end().catch(() => {});
			const code = (error as NodeJS.ErrnoException).code;
			const starting = code === "ECONNREFUSED" || code === "57P03" || /terminated unexpectedly/.test((error as Error).message);
			if (daemon.running() && starting && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 25));
				continue;
			}
			const log = daemon.output().trim().split("\n").slice(-10).join("\n");
			throw new Error(`Could not connect to ${url.replace(/:[^:@/]+@/, ":***@")}: ${(error as Error).message}\n${log}`);
		}
		try {
			return await work(client);
		} finally {
			await client.end();
		}
	}
}

interface Daemon {
	running(): boolean;
	/** What it printed (PostgreSQL and PgBouncer in the foreground log to stderr). */
	output(): string;
	stop(): Promise<void>;
}

function startDaemon(command: string, args: string[], stopSignal: NodeJS.Signals, owner: { uid: number; gid: number } | undefined): Daemon {
	const child: ChildProcess = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...owner });
	let output = "";
	const keep = (chunk: Buffer) => (output = (output + chunk).slice(-20_000)); // the end is what explains a failure
	child.stdout!.on("data", keep);
	child.stderr!.on("data", keep);
	const running = () => child.exitCode === null && child.signalCode === null;
	const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
	return {
		running,
		output: () => output,
		async stop() {
			if (running()) child.kill(stopSignal);
			await exited;
		},
	};
}

interface Tools {
	initdb: string;
	postgres: string;
	pgbouncer: string;
	openssl: string;
}

/** Finds the programs, or fails with the command that installs them: this suite never skips. */
function findTools(): Tools {
	const pgBin = postgresBinDir();
	const pgbouncer = onPath("pgbouncer", ["/usr/sbin", "/usr/local/sbin"]);
	const openssl = onPath("openssl", []);
	const missing = [!pgbouncer && "pgbouncer", !openssl && "openssl", !pgBin && "postgresql"].filter(Boolean);
	if (missing.length > 0) {
		throw new Error(
			`The Neon-like test database needs ${missing.join(", ")}, which ${missing.length > 1 ? "are" : "is"} not installed: ` +
				`run \`apt-get install -y ${missing.join(" ")}\` (.ci/run does this).`,
		);
	}
	return { initdb: join(pgBin!, "initdb"), postgres: join(pgBin!, "postgres"), pgbouncer: pgbouncer!, openssl: openssl! };
}

/** Debian keeps initdb and postgres off PATH, in /usr/lib/postgresql/<version>/bin; take the newest. */
function postgresBinDir(): string | undefined {
	const debian = "/usr/lib/postgresql";
	const versions = existsSync(debian) ? readdirSync(debian).filter((v) => existsSync(join(debian, v, "bin", "initdb"))) : [];
	versions.sort((a, b) => Number(b) - Number(a));
	if (versions[0]) return join(debian, versions[0], "bin");
	const initdb = onPath("initdb", []);
	return initdb ? initdb.slice(0, -"/initdb".length) : undefined;
}

function onPath(command: string, extraDirs: string[]): string | undefined {
	const dirs = [...(process.env.PATH ?? "").split(delimiter), ...extraDirs].filter(Boolean);
	return dirs.map((dir) => join(dir, command)).find((file) => existsSync(file));
}

function osUser(name: string): { uid: number; gid: number } {
	try {
		return { uid: Number(execFileSync("id", ["-u", name], { encoding: "utf8" })), gid: Number(execFileSync("id", ["-g", name], { encoding: "utf8" })) };
	} catch {
		throw new Error(`Running as root, the Neon-like test database needs a "${name}" OS user to run PostgreSQL as: apt-get install -y postgresql creates it.`);
	}
}

async function distinctFreePorts(): Promise<[number, number]> {
	const first = await freePort();
	let second = await freePort();
	while (second === first) second = await freePort();
	return [first, second];
}

/** Neon's passwords look like `npg_…`; URL-safe characters only. */
function randomPassword(): string {
	return `npg_${randomBytes(12).toString("hex")}`;
}

function commandError(command: string, error: unknown): Error {
	const { stderr } = error as { stderr?: string };
	return new Error(`${command} failed: ${(stderr || (error as Error).message).trim()}`);
}

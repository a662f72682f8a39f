// Gatehouse's server against a bare Better Auth server written as its docs show, in one run on
// loopback: req/s and p50/p99 per endpoint, and the ratio Gatehouse / bare.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { createTestDatabase } from "../server/test/support/postgres.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const SECRET = "bench-secret-bench-secret-bench-secret";
const TRUSTED_ORIGIN = "http://localhost:3000";
const CONNECTIONS = 10;
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 2);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Measured {
	rps: number;
	p50: number;
	p99: number;
	failures: number;
}

export async function benchServer(): Promise<void> {
	const gatehouseDb = await createTestDatabase();
	const bareDb = await createTestDatabase();
	const children: ChildProcess[] = [];
	try {
		const [gatehousePort, cachedPort, barePort] = [await freePort(), await freePort(), await freePort()];
		const gatehouseEnv = { DATABASE_URL: gatehouseDb.url, BETTER_AUTH_SECRET: SECRET, TRUST_PROXY: "loopback" };
		const gatehouse = await start(children, "server/src/main.ts", { ...gatehouseEnv, PORT: String(gatehousePort) }, /ready:/);
		const cached = await start(
			children,
			"server/src/main.ts",
			{ ...gatehouseEnv, PORT: String(cachedPort), SESSION_COOKIE_CACHE: "300" },
			/ready:/,
		);
		await run("bench/bare-server.ts", { DATABASE_URL: bareDb.url, PORT: String(barePort), _: "--migrate" });
		const bare = await start(children, "bench/bare-server.ts", { DATABASE_URL: bareDb.url, PORT: String(barePort) }, /ready/);

		const user = { email: "bench@example.com", password: "correct horse battery", name: "Bench" };
		const g = await signUp(gatehouse, TRUSTED_ORIGIN, user);
		const gc = await signIn(cached, TRUSTED_ORIGIN, user);
		const b = await signUp(bare, bare, user);
		// The bare user gets a profile row too, so both sides read one.
		await query(bareDb.url, "INSERT INTO user_profile (user_id, software_background) SELECT id, 'TypeScript' FROM \"user\"");
		await query(gatehouseDb.url, "UPDATE user_profile SET software_background = 'TypeScript'");

		const rows: Row[] = [];
		// One baseline per group, measured in rounds that alternate with every Gatehouse variant
		// (B A1 A2 B A1 A2 …) and averaged: drift on a shared 2-core machine then hits all sides.
		const group = async (baseline: Target, variants: { label: string; target: Target; goal: string; min: number }[]) => {
			const base: Measured[] = [];
			const ours: Measured[][] = variants.map(() => []);
			for (let round = 0; round < ROUNDS; round++) {
				base.push(await measure(baseline));
				for (const [i, variant] of variants.entries()) ours[i]!.push(await measure(variant.target));
			}
			for (const [i, variant] of variants.entries()) {
				rows.push({ label: variant.label, ours: mean(ours[i]!), theirs: mean(base), goal: variant.goal, min: variant.min });
				print(rows.at(-1)!);
			}
		};
		const get = (base: string, path: string, headers: Record<string, string>): Target => ({ base, path, headers });

		console.log(
			`\nserver throughput: ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${WARMUP_S} s warm-up + ${DURATION_S} s per side, loopback, ${new Date().toISOString()}`,
		);
		console.log(`${"endpoint".padEnd(38)}${"gatehouse".padStart(26)}${"baseline".padStart(26)}   ratio   target`);
		await group(get(bare, "/api/auth/get-session", b.cookie), [
			{ label: "get-session", target: get(gatehouse, "/api/auth/get-session", g.cookie), goal: "≥ 1.5× bare", min: 1.5 },
			{ label: "get-session, cookie cache on", target: get(cached, "/api/auth/get-session", gc.cookie), goal: "≥ 2× bare", min: 2 },
		]);
		await group(get(bare, "/api/profile", b.cookie), [
			{ label: "/api/profile, cookie", target: get(gatehouse, "/api/profile", g.cookie), goal: "≥ 1× bare", min: 1 },
		]);
		await group(get(bare, "/api/profile", b.bearer), [
			{ label: "/api/profile, Bearer JWT", target: get(gatehouse, "/api/profile", g.bearer), goal: "≥ 1× bare", min: 1 },
		]);
		await group(get(bare, "/jose-only", b.bearer), [
			{ label: "/api/profile, Bearer JWT vs jose-only", target: get(gatehouse, "/api/profile", g.bearer), goal: "≥ 0.9× jose-only", min: 0.9 },
		]);
		const credentials = JSON.stringify({ email: user.email, password: user.password });
		await group({ base: bare, path: "/api/auth/sign-in/email", method: "POST", body: credentials, headers: { origin: bare } }, [
			{
				label: "sign-in",
				target: { base: gatehouse, path: "/api/auth/sign-in/email", method: "POST", body: credentials, headers: { origin: TRUSTED_ORIGIN }, spreadIps: true },
				goal: "≥ 1× bare",
				min: 1,
			},
		]);
		const failed = rows.filter((row) => row.ours.rps / row.theirs.rps < row.min);
		console.log(failed.length ? `\n${failed.length} target(s) missed: ${failed.map((r) => r.label).join("; ")}` : "\nall targets met");
	} finally {
		for (const child of children) child.kill("SIGTERM");
		await new Promise((resolve) => setTimeout(resolve, 500));
		await gatehouseDb.drop();
		await bareDb.drop();
	}
}

interface Target {
	base: string;
	path: string;
	method?: "GET" | "POST";
	body?: string;
	headers: Record<string, string>;
	/** Each request from its own client address, so the per-client rate limit measures its cost without tripping. */
	spreadIps?: boolean;
}

async function measure(target: Target): Promise<Measured> {
	const options = {
		url: target.base + target.path,
		connections: CONNECTIONS,
		method: target.method ?? "GET",
		headers: { ...target.headers, ...(target.body ? { "content-type": "application/json" } : {}) },
		body: target.body,
		requests: target.spreadIps
			? [{ setupRequest: (request: any) => ({ ...request, headers: { ...request.headers, "x-forwarded-for": randomIp() } }) }]
			: undefined,
	};
	await autocannon({ ...options, duration: WARMUP_S });
	const result = await autocannon({ ...options, duration: DURATION_S });
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		failures: result.non2xx + result.errors + result.timeouts,
	};
}

function mean(runs: Measured[]): Measured {
	const avg = (pick: (m: Measured) => number) => runs.reduce((sum, m) => sum + pick(m), 0) / runs.length;
	return { rps: avg((m) => m.rps), p50: avg((m) => m.p50), p99: avg((m) => m.p99), failures: runs.reduce((s, m) => s + m.failures, 0) };
}

async function query(url: string, sql: string) {
	const client = new pg.Client(url);
	await client.connect();
	await client.query(sql);
	await client.end();
}

interface Row {
	label: string;
	ours: Measured;
	theirs: Measured;
	goal: string;
	min: number;
}

function print({ label, ours, theirs, goal, min }: Row) {
	const cell = (m: Measured) =>
		`${m.rps.toFixed(0).padStart(7)} req/s ${m.p50.toFixed(1).padStart(5)}/${m.p99.toFixed(1).padStart(5)} ms${m.failures ? ` (${m.failures} failed!)` : ""}`;
	const ratio = ours.rps / theirs.rps;
	console.log(
		`${label.padEnd(38)}${cell(ours).padStart(26)}${cell(theirs).padStart(26)}   ${ratio.toFixed(2).padStart(5)}×  ${goal} ${ratio >= min ? "ok" : "MISSED"}`,
	);
}

let ipCounter = 0;
function randomIp() {
	ipCounter++;
	return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

async function signUp(base: string, origin: string, user: { email: string; password: string; name: string }) {
	const response = await fetch(`${base}/api/auth/sign-up/email`, {
		method: "POST",
		headers: { "content-type": "application/json", origin },
		body: JSON.stringify(user),
	});
	if (!response.ok) throw new Error(`sign-up on ${base} failed: ${response.status} ${await response.text()}`);
	return credentialsFrom(base, response);
}

async function signIn(base: string, origin: string, user: { email: string; password: string }) {
	const response = await fetch(`${base}/api/auth/sign-in/email`, {
		method: "POST",
		headers: { "content-type": "application/json", origin },
		body: JSON.stringify({ email: user.email, password: user.password }),
	});
	if (!response.ok) throw new Error(`sign-in on ${base} failed: ${response.status} ${await response.text()}`);
	return credentialsFrom(base, response);
}

async function credentialsFrom(base: string, response: Response) {
	const cookie = { cookie: response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ") };
	const token = await fetch(`${base}/api/auth/token`, { headers: cookie });
	const { token: jwt } = (await token.json()) as { token: string };
	return { cookie, bearer: { authorization: `Bearer ${jwt}` } };
}

function start(children: ChildProcess[], script: string, env: Record<string, string>, ready: RegExp): Promise<string> {
	const child = spawn(process.execPath, ["--import", "tsx", script], {
		cwd: root,
		env: { PATH: process.env.PATH ?? "", ...env },
		stdio: ["ignore", "pipe", "pipe"],
	});
	children.push(child);
	return new Promise((resolve, reject) => {
		let output = "";
		const onData = (chunk: Buffer) => {
			output += chunk;
			if (ready.test(output)) resolve(`http://localhost:${env.PORT}`);
		};
		child.stdout!.on("data", onData);
		child.stderr!.on("data", onData);
		child.on("exit", (code) => reject(new Error(`${script} exited (${code}):\n${output}`)));
	});
}

function run(script: string, env: Record<string, string>): Promise<void> {
	const { _: arg, ...rest } = env;
	const child = spawn(process.execPath, ["--import", "tsx", script, arg ?? ""], { cwd: root, env: { PATH: process.env.PATH ?? "", ...rest }, stdio: "inherit" });
	return new Promise((resolve, reject) => child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${script} failed (${code})`)))));
}

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const probe = createServer().listen(0, "127.0.0.1", () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

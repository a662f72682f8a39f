import { type IncomingHttpHeaders, Agent, request as httpRequest } from "node:http";
import { connect } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { SignJWT, base64url, exportSPKI, generateKeyPair, importJWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient, uniqueIp } from "../support/test-client.js";
import { TRUSTED_ORIGIN, type TestServer, startTestServer } from "../support/test-server.js";
import { recordFigure } from "./figures.js";
import { type HostileRequest, type Kind, generateHostileRequests } from "./hostile-requests.js";

const SEED = 20261127;
const REQUESTS = 10_000;
const WARM_UP = 1_000;
const CONCURRENCY = 16;
const PASSWORD = "correct horse battery";

/** What came back for one request. */
interface Outcome {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
	/** Set when no answer came: the connection failed or the answer never ended. */
	failure?: string;
}

/**
 * Sends one request over the keep-alive `agent`, the client address in X-Forwarded-For (the test
 * server trusts loopback proxies), so rate limits don't turn most of them into 429s.
 */
function send(port: number, agent: Agent, hostile: HostileRequest, ip: string): Promise<Outcome> {
	return new Promise((resolve) => {
		const headers: Record<string, string | string[]> = { "x-forwarded-for": ip, ...hostile.headers };
		if (hostile.body) headers["content-length"] = String(hostile.body.length);
		const req = httpRequest({ host: "127.0.0.1", port, method: hostile.method, path: hostile.path, headers, agent });
		let answered = false;
		let settled = false;
		const finish = (outcome: Outcome) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			resolve(outcome);
		};
		const timer = setTimeout(() => {
			finish({ status: 0, headers: {}, body: Buffer.alloc(0), failure: "no answer within 30 s" });
			req.destroy();
		}, 30_000);
		req.on("response", (res) => {
			answered = true;
			const chunks: Buffer[] = [];
			res.on("data", (chunk: Buffer) => chunks.push(chunk));
			res.on("end", () => finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
			res.on("error", (error) => finish({ status: 0, headers: res.headers, body: Buffer.alloc(0), failure: error.message }));
		});
		// After a 413 the server closes the connection while a chunked body is still being written.
		req.on("error", (error) => {
			if (!answered) finish({ status: 0, headers: {}, body: Buffer.alloc(0), failure: error.message });
		});
		if (hostile.chunkedBytes === undefined) return void req.end(hostile.body);
		const piece = Buffer.alloc(16 * 1024, "x");
		let sent = 0;
		const pump = () => {
			while (!answered && sent < hostile.chunkedBytes!) {
				sent += piece.length;
				if (!req.write(piece)) return void req.once("drain", pump);
			}
			if (!answered) req.end();
		};
		req.write('{"padding":"');
		pump();
	});
}

/** Why an answer is wrong, or undefined when it is right. */
function judge(hostile: HostileRequest, outcome: Outcome): string | undefined {
	if (outcome.failure) return outcome.failure;
	if (outcome.status >= 500) return `status ${outcome.status}: ${outcome.body.toString().slice(0, 200)}`;
	if (hostile.expectStatus !== undefined && outcome.status !== hostile.expectStatus) {
		return `status ${outcome.status}, expected ${hostile.expectStatus}: ${outcome.body.toString().slice(0, 200)}`;
	}
	if (hostile.expectNoSession && (outcome.status !== 200 || outcome.body.toString() !== "null")) {
		return `a forged session cookie got ${outcome.status} ${outcome.body.toString().slice(0, 200)}`;
	}
	if (outcome.status >= 400 && hostile.method !== "HEAD") {
		if (!String(outcome.headers["content-type"]).startsWith("application/json")) return `status ${outcome.status} with content-type ${outcome.headers["content-type"]}`;
		let body: unknown;
		try {
			body = JSON.parse(outcome.body.toString());
		} catch {
			return `status ${outcome.status} with a body that is not JSON: ${outcome.body.toString().slice(0, 200)}`;
		}
		const { code, message } = (body ?? {}) as { code?: unknown; message?: unknown };
		if (typeof code !== "string" || typeof message !== "string") return `status ${outcome.status} without {code, message}: ${outcome.body.toString().slice(0, 200)}`;
		if (/node_modules|at \w+ \(/.test(message)) return `a stack trace in: ${message}`;
	}
	return undefined;
}

/** Requests Node's HTTP parser refuses before the app sees them; sent on their own sockets. */
const MALFORMED_HTTP: [string, string][] = [
	["a control character in a header", "GET /api/auth/ok HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n"],
	["no Host header", "GET /api/auth/ok HTTP/1.1\r\n\r\n"],
	["Content-Length and Transfer-Encoding (smuggling)", "POST /api/auth/sign-in/email HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"],
	["two different Content-Lengths", "POST /api/auth/sign-in/email HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"],
	["a bad chunk size", "POST /api/auth/sign-in/email HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"],
	["a negative Content-Length", "POST /api/auth/sign-in/email HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"],
	["headers over 16 KB", `GET /api/auth/ok HTTP/1.1\r\nHost: x\r\nX-Big: ${"y".repeat(20_000)}\r\n\r\n`],
	["an unknown method", "FOO /api/auth/ok HTTP/1.1\r\nHost: x\r\n\r\n"],
	["binary garbage", "\u0000\u0001\u0002\u0003\r\n\r\n"],
	["an HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"],
	["a space in the path", "GET /api/auth/ o k HTTP/1.1\r\nHost: x\r\n\r\n"],
	["a folded header", "GET /api/auth/ok HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n"],
];

/** What comes back on a fresh socket: the status line's code, whether the body is `{ code, message }`, and whether the server closed it. */
function sendRaw(port: number, raw: string): Promise<{ status: number; json: boolean; closed: boolean }> {
	return new Promise((resolve) => {
		const socket = connect(port, "127.0.0.1");
		let received = "";
		const outcome = (closed: boolean) => {
			const status = Number(received.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0);
			let json = false;
			try {
				const body = JSON.parse(received.slice(received.indexOf("\r\n\r\n") + 4));
				json = typeof body.code === "string" && typeof body.message === "string";
			} catch {}
			return { status, json, closed };
		};
		const timer = setTimeout(() => {
			socket.destroy();
			resolve(outcome(false));
		}, 10_000);
		socket.on("data", (chunk) => (received += chunk.toString("latin1")));
		socket.on("error", () => {});
		socket.on("close", () => {
			clearTimeout(timer);
			resolve(outcome(true));
		});
		socket.write(Buffer.from(raw, "latin1"));
	});
}

/**
 * Sends a chunked body that never ends (up to `capBytes`) and reports what came back, and whether
 * the server closed the connection before the client ran out of things to send.
 */
function sendEndlessChunked(port: number, method: string, path: string, capBytes: number): Promise<{ response: string; closedEarly: boolean; sent: number }> {
	return new Promise((resolve) => {
		const socket = connect(port, "127.0.0.1");
		let response = "";
		let sent = 0;
		let closed = false;
		socket.on("data", (chunk) => (response += chunk.toString("latin1")));
		socket.on("error", () => {}); // EPIPE/ECONNRESET once the server hangs up: expected
		socket.on("close", () => {
			closed = true;
			resolve({ response, closedEarly: sent < capBytes, sent });
		});
		socket.write(`${method} ${path} HTTP/1.1\r\nHost: localhost\r\nOrigin: ${TRUSTED_ORIGIN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-Forwarded-For: 10.199.0.1\r\n\r\n`);
		const chunk = `4000\r\n${"x".repeat(0x4000)}\r\n`;
		const pump = () => {
			while (!closed && sent < capBytes) {
				sent += 0x4000;
				if (!socket.write(chunk)) return void socket.once("drain", pump);
			}
			if (!closed) socket.end("0\r\n\r\n");
		};
		pump();
	});
}

/**
 * What JavaScript holds after full garbage collections: the heap and the memory outside it
 * (Buffers), in bytes; and the RSS, which is reported only: it also counts what the allocator
 * keeps after scrypt's 32 MB per password hash, and does not shrink back.
 */
function heapAfterGc(): { heap: number; rss: number } {
	setFlagsFromString("--expose-gc");
	const gc = runInNewContext("gc") as () => void;
	gc();
	gc();
	const { heapUsed, external, rss } = process.memoryUsage();
	return { heap: heapUsed + external, rss };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe("10,000 malformed and hostile requests against a real server", () => {
	let t: TestServer;
	let agent: Agent;
	let port: number;
	let email: string;
	let sessionToken: string;
	let badJwts: string[];
	let profileBefore: unknown;
	let profileWriterJwt: string;

	beforeAll(async () => {
		t = await startTestServer("postgres");
		port = t.server.port;
		agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
		const user = new TestClient(t.baseURL);
		email = "steady@example.com";
		const signUp = await user.request("POST", "/api/auth/sign-up/email", {
			email,
			password: PASSWORD,
			name: "Steady",
			softwareBackground: "Fortran",
			hardwareBackground: "PDP-11",
		});
		expect(signUp.status).toBe(200);
		sessionToken = signUp.body.token;
		profileBefore = (await user.request("GET", "/api/profile")).body;
		badJwts = await makeBadJwts(t, user, signUp.body.user.id);
		const writer = new TestClient(t.baseURL);
		expect((await writer.request("POST", "/api/auth/sign-up/email", { email: "writer@example.com", password: PASSWORD, name: "Writer" })).status).toBe(200);
		profileWriterJwt = (await writer.request("GET", "/api/auth/token")).body.token;
	});
	afterAll(async () => {
		agent?.destroy();
		await t?.close();
	});

	it("answers every one below 500, as JSON {code, message} where it refuses, with memory flat; a user still signs in", async () => {
		const started = Date.now();
		const requests = generateHostileRequests(SEED, REQUESTS, { sessionToken, badJwts, existingEmail: email, profileWriterJwt, trustedOrigin: TRUSTED_ORIGIN });
		const statuses = new Map<number, number>();
		const kinds = new Map<Kind, number>();
		/** The first few wrong answers, described; `wrongAnswers` counts them all. */
		const failures: string[] = [];
		let wrongAnswers = 0;
		let sent = 0;
		const runUntil = async (end: number) => {
			await Promise.all(
				Array.from({ length: CONCURRENCY }, async () => {
					while (sent < end) {
						sent++;
						const { value: hostile, done } = requests.next();
						if (done) return;
						// One address per request, so the rate limits let them through to the handlers.
						const ip = uniqueIp();
						const outcome = await send(port, agent, hostile, ip);
						statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
						kinds.set(hostile.kind, (kinds.get(hostile.kind) ?? 0) + 1);
						const wrong = judge(hostile, outcome);
						if (!wrong) continue;
						wrongAnswers++;
						if (failures.length < 20) failures.push(`${hostile.kind} ${hostile.method} ${hostile.path.slice(0, 80)}: ${wrong}`);
					}
				}),
			);
		};

		await runUntil(WARM_UP);
		const warm = heapAfterGc();
		await runUntil(REQUESTS);
		const end = heapAfterGc();

		const malformed = await Promise.all(MALFORMED_HTTP.flatMap(([label, raw]) => Array.from({ length: 5 }, async () => ({ label, ...(await sendRaw(port, raw)) }))));

		// A legitimate user, from an address of their own, is none the worse for it.
		const user = new TestClient(t.baseURL);
		const signIn = await user.request("POST", "/api/auth/sign-in/email", { email, password: PASSWORD });
		const session = await user.request("GET", "/api/auth/get-session");
		const profile = await user.request("GET", "/api/profile");
		const health = await user.request("GET", "/health");
		const seconds = (Date.now() - started) / 1000;
		const lost = signIn.status === 200 && JSON.stringify(profile.body) === JSON.stringify(profileBefore) ? 0 : 1;

		const histogram = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n.toLocaleString("en")}`).join(" ");
		const server5xx = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
		recordFigure({
			scenario: `${REQUESTS.toLocaleString("en")} hostile requests (${kinds.size} kinds, ${CONCURRENCY} keep-alive connections)`,
			result:
				`${seconds.toFixed(1)} s; ${server5xx} × 5xx, ${wrongAnswers} wrong answers; ${histogram}; ` +
				`heap + external after GC ${mb(warm.heap)} after ${WARM_UP.toLocaleString("en")} → ${mb(end.heap)} at the end (RSS ${mb(warm.rss)} → ${mb(end.rss)}); ` +
				`${malformed.length} malformed HTTP refused before the app (JSON but for a missing Host) with ${[...new Set(malformed.map((m) => m.status))].join("/")}; the user still signs in`,
			lost,
		});

		expect(failures, `${wrongAnswers} wrong answers, the first ${failures.length} shown`).toEqual([]);
		expect(server5xx).toBe(0);
		expect([...kinds.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS);
		// What Node cannot parse gets a JSON refusal like everything else, then the connection closes; none is left hanging.
		// (Except a missing Host: Node refuses that itself, with no hook to shape its answer.)
		for (const { label, status, json, closed } of malformed) {
			const expectJson = label !== "no Host header";
			expect({ label, refused: status >= 400 && status < 500, json, closed }).toEqual({ label, refused: true, json: expectJson, closed: true });
		}
		// 9,000 requests after the warm-up: a leak of even 2 KB each would show as 18 MB.
		expect(end.heap - warm.heap).toBeLessThan(16 * 1024 * 1024);
		expect(signIn.status).toBe(200);
		expect(session.body?.user.email).toBe(email);
		expect(profile.body).toEqual(profileBefore);
		expect(health.status).toBe(200);
		// Every one of these was the client's mistake: nothing for an operator to chase.
		expect(t.logs.filter((line) => line.startsWith("error"))).toEqual([]);
	});

	it("answers an endless chunked upload with 413 and hangs up, on every route that takes a body", async () => {
		const cap = 256 * 1024 * 1024;
		for (const [method, path] of [["POST", "/api/auth/sign-in/email"], ["POST", "/api/auth/sign-up/email"], ["PUT", "/api/profile"], ["POST", "/api/nothing-here"]] as const) {
			const { response, closedEarly, sent } = await sendEndlessChunked(port, method, path, cap);
			expect(response, path).toMatch(/^HTTP\/1\.1 413 /);
			expect(response, path).toContain('"code":"PAYLOAD_TOO_LARGE"');
			// Hung up long before the client would have stopped: the rest was never read.
			expect({ path, closedEarly }).toEqual({ path, closedEarly: true });
			expect(sent, path).toBeLessThan(cap / 4);
		}
	});
});

/** Tokens `/api/profile` must refuse with 401, made as require-auth.test.ts makes them. */
async function makeBadJwts(t: TestServer, user: TestClient, userId: string): Promise<string[]> {
	const valid = (await user.request("GET", "/api/auth/token")).body.token as string;
	const [header, payload, signature] = valid.split(".") as [string, string, string];
	const now = Math.floor(Date.now() / 1000);
	const signedByServer = async (claims: Record<string, unknown>) =>
		(await t.server.auth.api.signJWT({ body: { payload: { sub: userId, email: "steady@example.com", name: "Steady", ...claims } } })).token;
	const { keys } = await (await fetch(new URL("/api/auth/jwks", t.baseURL))).json();
	const pem = await exportSPKI((await importJWK(keys[0], "RS256")) as CryptoKey);
	const stranger = await generateKeyPair("RS256");
	const strangerRs512 = await generateKeyPair("RS512");
	const signWith = (key: CryptoKey | Uint8Array, alg: string, kid: string, claims: Record<string, unknown> = { sub: userId }) =>
		new SignJWT(claims).setProtectedHeader({ alg, kid }).setIssuer(t.baseURL).setAudience(t.baseURL).setExpirationTime("1h").sign(key);
	const forgedPayload = base64url.encode(JSON.stringify({ ...JSON.parse(new TextDecoder().decode(base64url.decode(payload))), sub: "someone-else" }));
	return [
		`${base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }))}.${payload}.`,
		`${base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }))}.${payload}.${signature}`,
		await signWith(new TextEncoder().encode(pem), "HS256", keys[0].kid),
		await signWith(new TextEncoder().encode(JSON.stringify(keys[0])), "HS256", keys[0].kid),
		await signedByServer({ iat: now - 7200, exp: now - 60 }),
		await signedByServer({ iss: "https://evil.example" }),
		await signedByServer({ aud: "https://other-api.example" }),
		await signWith(stranger.privateKey, "RS256", "not-a-key-of-this-server"),
		await signWith(stranger.privateKey, "RS256", keys[0].kid),
		await signWith(strangerRs512.privateKey, "RS512", keys[0].kid),
		`${header}.${forgedPayload}.${signature}`,
		`${header}.${payload}`,
		`${header}.${payload}.`,
		`${header}..${signature}`,
		"a.b.c",
		"..",
		`${header}.${base64url.encode("not json")}.${signature}`,
		`${base64url.encode("{")}.${payload}.${signature}`,
		`${valid}.${signature}`,
		`${header}.${payload}.${signature}${"A".repeat(6000)}`,
		"eyJ" + "x".repeat(2000),
		"not-a-session-token-at-all",
	];
}

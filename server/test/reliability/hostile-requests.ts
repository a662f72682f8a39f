import { SeededRandom } from "./seeded-random.js";

/** One request a hostile or broken client might send, with what the server must answer where that is certain. */
export interface HostileRequest {
	kind: Kind;
	method: string;
	path: string;
	headers: Record<string, string | string[]>;
	/** Sent with a Content-Length. */
	body?: Buffer;
	/** Sent chunked, without a Content-Length: this many bytes of JSON-looking text. */
	chunkedBytes?: number;
	/** The one status a correct server gives; undefined where several are right (all below 500). */
	expectStatus?: number;
	/** For get-session with a forged cookie: a 200 whose body is `null` (nobody is signed in). */
	expectNoSession?: boolean;
}

/** What the generator needs from the running server. */
export interface HostileContext {
	/** A real session token (the part before the dot), to forge a signature for. */
	sessionToken: string;
	/** JWTs that must each be refused with 401: alg none, HS256 with the public key, expired, wrong iss/aud… */
	badJwts: string[];
	/** The email of an existing user. */
	existingEmail: string;
	/** A valid JWT of another user, so some spoilt profile writes get past sign-in to the parser and the database. */
	profileWriterJwt: string;
	trustedOrigin: string;
}

const KIND_WEIGHTS = {
	badJson: 14,
	hugeBody: 3,
	chunkedHugeBody: 2,
	wrongTypes: 14,
	unicode: 12,
	sqlLooking: 8,
	missingFields: 6,
	wrongContentType: 6,
	forgedCookie: 10,
	badJwt: 10,
	oddMethodOrPath: 8,
	headerAbuse: 5,
	// Well-formed enough to reach password hashing (slow on purpose), so kept rare.
	wellFormedOdd: 0.6,
};
export type Kind = keyof typeof KIND_WEIGHTS;

const BODY_ROUTES = [
	"/api/auth/sign-in/email",
	"/api/auth/sign-up/email",
	"/api/auth/request-password-reset",
	"/api/auth/reset-password",
	"/api/auth/change-password",
	"/api/auth/update-user",
	"/api/profile",
] as const;

const LIMIT = 64 * 1024;

const UNICODE_EDGES = [
	"\ud800", // lone high surrogate
	"\udfff", // lone low surrogate
	"a\ud83dz", // half an emoji
	"\u0000",
	"nul\u0000in the middle",
	"\u202eevil.exe\u202dtxt", // right-to-left override
	"مرحبا بالعالم",
	"שלום\u200fעולם",
	"👩‍👩‍👧‍👦🏳️‍🌈",
	"e\u0301\u0301\u0301\u0301",
	"\ufeffBOM",
	"\u200b\u200c\u200d",
	"\u2028\u2029",
	"\r\n[gatehouse] error: forged",
	"\u001b[31mred\u001b[0m",
	"\uffff\ufffe",
	"𝕳𝖊𝖑𝖑𝖔",
	"Ａｄａ＠ｅｘａｍｐｌｅ．ｃｏｍ",
];

const SQL_LOOKING = [
	"' OR 1=1 --",
	"' OR '1'='1",
	`"; DROP TABLE "user"; --`,
	"admin'--",
	"1; SELECT pg_sleep(10)",
	"'; COPY (SELECT * FROM account) TO '/tmp/x'; --",
	"$$; DELETE FROM session; $$",
	"\\'; TRUNCATE \"user\" CASCADE; --",
	"%' AND 1=0 UNION SELECT password FROM account --",
	"ada@example.com' --",
	"ada@example.com\"; --",
	"' || (SELECT current_setting('is_superuser')) || '",
];

/** `count` requests, the same for the same seed; made one at a time, as they are sent, so their bodies are not all held at once. */
export function* generateHostileRequests(seed: number, count: number, context: HostileContext): Generator<HostileRequest> {
	const random = new SeededRandom(seed);
	for (let i = 0; i < count; i++) {
		const kind = random.weighted(KIND_WEIGHTS);
		const request = MAKERS[kind](random, context);
		if (request.path === "/api/profile" && SPOILT_BODIES.has(kind) && random.chance(0.5)) {
			request.headers = { ...request.headers, authorization: `Bearer ${context.profileWriterJwt}` };
		}
		// Most come from the trusted page, as a script on it would send them; some from no page at all.
		if (request.headers.origin === undefined && random.chance(0.8)) request.headers = { origin: context.trustedOrigin, ...request.headers };
		yield request;
	}
}

/** Kinds whose harm is in the body alone. */
const SPOILT_BODIES = new Set<Kind>(["badJson", "wrongTypes", "unicode", "sqlLooking", "missingFields", "wrongContentType"]);

type Maker = (random: SeededRandom, context: HostileContext) => HostileRequest;

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const JSON_TYPE = { "content-type": "application/json" };
const post = (kind: Kind, path: string, body: Buffer, headers: Record<string, string> = JSON_TYPE): HostileRequest => ({
	kind,
	method: path === "/api/profile" ? "PUT" : "POST",
	path,
	headers,
	body,
});

/**
 * A plausible body for a route, before it is spoiled. Its sign-in and sign-up passwords are one
 * character over Better Auth's 128, so they are refused before hashing: a hash costs about 0.1 s
 * of CPU, and thousands would make this test a benchmark. `wellFormedOdd` is the kind that hashes.
 */
function goodBody(path: string, random: SeededRandom): Record<string, unknown> {
	const email = `someone${random.int(1, 1e6)}@example.com`;
	const unhashed = "p".repeat(129);
	switch (path) {
		case "/api/auth/sign-in/email":
			return { email, password: unhashed };
		case "/api/auth/sign-up/email":
			return { email, password: unhashed, name: "Someone", softwareBackground: "Go", hardwareBackground: "none" };
		case "/api/auth/request-password-reset":
			return { email, redirectTo: "http://localhost:3000/reset-password" };
		case "/api/auth/reset-password":
			return { token: "not-a-token", newPassword: "a new password here" };
		case "/api/auth/change-password":
			return { currentPassword: "a password", newPassword: "another password" };
		case "/api/auth/update-user":
			return { name: "New name" };
		default:
			return { softwareBackground: "Python", hardwareBackground: "Arduino" };
	}
}

function weirdValue(random: SeededRandom): unknown {
	const depth = random.int(1, 40);
	return random.pick<() => unknown>([
		() => random.int(-1e9, 1e9),
		() => 1e308 * 10, // JSON.stringify makes this null
		() => [],
		() => ["a", "b"],
		() => ({}),
		() => ({ $ne: null }),
		() => ({ toString: "x", valueOf: 1 }),
		() => null,
		() => true,
		() => random.next(),
		() => JSON.parse(`${"[".repeat(depth)}${"]".repeat(depth)}`),
		() => JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}'),
	])();
}

const MAKERS: Record<Kind, Maker> = {
	badJson(random) {
		const path = random.pick(BODY_ROUTES);
		const valid = JSON.stringify(goodBody(path, random));
		const body = random.pick<() => string>([
			() => valid.slice(0, random.int(1, valid.length - 1)),
			() => `${valid}}`,
			() => valid.replace(/"/g, "'"),
			() => valid.replace(":", ""),
			() => `${valid.slice(0, -1)},}`,
			() => "{",
			() => "[",
			() => "nul",
			() => "undefined",
			() => "NaN",
			() => '{"email":}',
			() => '{"email" "a"}',
			() => "\u0000\u0001\u0002",
			() => "[".repeat(random.int(1000, 30_000)),
			() => `${"[".repeat(5000)}${"]".repeat(5000)}`,
			() => `{"a":${"{\"a\":".repeat(3000)}1${"}".repeat(3001)}`,
			() => '{"email":"\\ud800","password":"\\u0000"}',
			() => '"just a string"',
			() => "12345",
			() => `{"email":"${"\\".repeat(101)}"}`,
		])();
		return post("badJson", path, Buffer.from(body));
	},
	hugeBody(random) {
		const path = random.pick(BODY_ROUTES);
		const size = random.int(LIMIT + 1, 4 * LIMIT);
		const body = Buffer.from(JSON.stringify({ ...goodBody(path, random), padding: "x".repeat(size) }));
		return { ...post("hugeBody", path, body), expectStatus: 413 };
	},
	chunkedHugeBody(random) {
		const path = random.pick(BODY_ROUTES);
		return {
			kind: "chunkedHugeBody",
			method: path === "/api/profile" ? "PUT" : "POST",
			path,
			headers: JSON_TYPE,
			chunkedBytes: random.int(LIMIT + 1, 32 * LIMIT),
			expectStatus: 413,
		};
	},
	wrongTypes(random) {
		const path = random.pick(BODY_ROUTES);
		const body = goodBody(path, random);
		const keys = Object.keys(body);
		for (const key of keys) if (random.chance(0.6) || key === keys[0]) body[key] = weirdValue(random);
		const whole = random.pick<unknown>([body, body, body, [body], null, 42, "text", [[]]]);
		return post("wrongTypes", path, json(whole));
	},
	unicode(random) {
		const path = random.pick(BODY_ROUTES);
		const body = goodBody(path, random);
		const edge = () => {
			const piece = random.pick(UNICODE_EDGES);
			return random.chance(0.15) ? piece.repeat(random.int(500, 8000)).slice(0, 30_000) : piece;
		};
		for (const key of Object.keys(body)) {
			if (random.chance(0.5)) body[key] = key === "email" ? `${edge()}@example.com` : `${body[key]}${edge()}`;
		}
		// Some spoilt at the byte level: invalid UTF-8, overlong encodings, UTF-16.
		const raw = random.pick<() => Buffer>([
			() => json(body),
			() => json(body),
			() => json(body),
			() => Buffer.concat([Buffer.from('{"email":"'), Buffer.from([0xc0, 0xaf, 0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from('@example.com","password":"xxxxxxxxxx"}')]),
			() => Buffer.from(JSON.stringify(body), "utf16le"),
			() => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json(body)]),
		])();
		return post("unicode", path, raw);
	},
	sqlLooking(random) {
		const path = random.pick(BODY_ROUTES);
		const body = goodBody(path, random);
		for (const key of Object.keys(body)) if (random.chance(0.6)) body[key] = random.pick(SQL_LOOKING);
		if (random.chance(0.2)) {
			const injection = encodeURIComponent(random.pick(SQL_LOOKING));
			return { kind: "sqlLooking", method: "GET", path: random.pick([`/api/auth/get-session?id=${injection}`, `/api/profile?user=${injection}`, `/api/auth/${injection}`]), headers: {} };
		}
		return post("sqlLooking", path, json(body));
	},
	missingFields(random) {
		const path = random.pick(BODY_ROUTES);
		const body = goodBody(path, random);
		for (const key of Object.keys(body)) if (random.chance(0.6)) delete body[key];
		return post("missingFields", path, json(random.chance(0.2) ? {} : body));
	},
	wrongContentType(random) {
		const path = random.pick(BODY_ROUTES);
		const body = json(goodBody(path, random));
		const type = random.pick([
			"text/plain",
			"application/xml",
			"multipart/form-data; boundary=----x",
			"application/x-www-form-urlencoded",
			"application/json; charset=utf-16",
			"application/json; charset=latin1",
			"application/jsonx",
			"*/*",
			"",
			"application/json, text/html",
			";;;",
		]);
		const headers: Record<string, string> = type ? { "content-type": type } : {};
		if (random.chance(0.15)) headers["content-encoding"] = random.pick(["gzip", "br", "deflate", "x-unknown"]);
		const sent = type === "application/x-www-form-urlencoded" && random.chance(0.5) ? Buffer.from("email=a%40b.c&password[]=1&password[x]=2&name=%00") : body;
		return post("wrongContentType", path, sent, headers);
	},
	forgedCookie(random, { sessionToken }) {
		const signature = Buffer.from(Array.from({ length: 32 }, () => random.int(0, 255))).toString("base64");
		const value = random.pick([
			`${sessionToken}.${encodeURIComponent(signature)}`, // a real token with a forged signature
			`${sessionToken}.`,
			sessionToken,
			"",
			"%",
			"a.b.c.d",
			encodeURIComponent(random.pick(SQL_LOOKING)),
			"x".repeat(random.int(1000, 4000)),
			`${sessionToken}.${"A".repeat(44)}`,
		]);
		const name = random.pick(["better-auth.session_token", "__Secure-better-auth.session_token", "better-auth.session_data", "better-auth.dont_remember"]);
		// Many cookies, within Node's 16 KB of headers (beyond it Node itself answers 431; see MALFORMED_HTTP).
		const cookie = random.chance(0.2)
			? Array.from({ length: random.int(2, 60) }, (_, n) => `${n % 2 ? name : "c" + n}=${value.slice(0, 100)}`).join("; ")
			: `${name}=${value}`;
		const target = random.pick(["get-session", "token", "profile", "profile-put", "sign-out", "list-sessions"] as const);
		const forged = name.endsWith("session_token");
		switch (target) {
			case "get-session":
				return { kind: "forgedCookie", method: "GET", path: "/api/auth/get-session", headers: { cookie }, expectNoSession: forged && !cookie.includes(";") };
			case "token":
				return { kind: "forgedCookie", method: "GET", path: "/api/auth/token", headers: { cookie }, expectStatus: 401 };
			case "profile":
				return { kind: "forgedCookie", method: "GET", path: "/api/profile", headers: { cookie }, expectStatus: 401 };
			case "profile-put":
				return { ...post("forgedCookie", "/api/profile", json({ softwareBackground: "planted" }), { ...JSON_TYPE, cookie }), expectStatus: 401 };
			case "list-sessions":
				return { kind: "forgedCookie", method: "GET", path: "/api/auth/list-sessions", headers: { cookie }, expectStatus: 401 };
			default:
				return post("forgedCookie", "/api/auth/sign-out", json({}), { ...JSON_TYPE, cookie });
		}
	},
	badJwt(random, { badJwts }) {
		let token = random.pick(badJwts);
		if (random.chance(0.3)) {
			// A character changed inside the signature (not its last, whose spare bits may not count).
			const signatureStart = token.lastIndexOf(".") + 1;
			const at = random.int(signatureStart, Math.max(signatureStart, token.length - 3));
			const replacement = token[at] === "A" ? "B" : "A";
			token = token.slice(0, at) + replacement + token.slice(at + 1);
		}
		const authorization = random.pick([`Bearer ${token}`, `Bearer ${token}`, `Bearer ${token}`, `bearer ${token}`, `Bearer  ${token}`]);
		const put = random.chance(0.3);
		return put
			? { ...post("badJwt", "/api/profile", json({ softwareBackground: "planted" }), { ...JSON_TYPE, authorization }), expectStatus: 401 }
			: { kind: "badJwt", method: "GET", path: "/api/profile", headers: { authorization }, expectStatus: 401 };
	},
	oddMethodOrPath(random) {
		const method = random.pick(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "PROPFIND", "MKCOL", "LOCK", "SEARCH", "PURGE", "REPORT"]);
		const path = random.pick([
			"/api/auth/sign-in/email",
			"/api/auth/../../etc/passwd",
			"/api/auth/%2e%2e/%2e%2e/etc/passwd",
			"/api/auth/%00",
			"/api/%E0%A4%A",
			"/api/auth/%",
			"//api//auth//get-session",
			"/api/auth/sign-in/email/extra",
			"/api/auth/get-session?x=" + "y".repeat(random.int(10, 6000)),
			"/api/profile/../auth/jwks",
			"/api/profile?__proto__[admin]=1",
			`/api/auth/${"a/".repeat(random.int(10, 1000))}`,
			"/api/auth/jwks?callbackURL=https://evil.example",
			"/api/auth/reset-password/abc?callbackURL=https://evil.example",
			"/api/auth/reset-password/abc?callbackURL=javascript:alert(1)",
			"/api/auth/verify-email?token=garbage&callbackURL=https://evil.example",
			"/api/auth/ok",
			"/api/auth/error?error=%3Cscript%3Ealert(1)%3C/script%3E",
			"/api/auth/.well-known/openid-configuration",
			"/health?verbose=1",
			"/api",
			"/api/",
			"/api/auth",
			"/api/profile/",
			"/%2fapi%2fprofile",
			"/api/PROFILE",
		]);
		const hasBody = method !== "GET" && method !== "HEAD" && random.chance(0.5);
		return {
			kind: "oddMethodOrPath",
			method,
			path,
			headers: hasBody ? JSON_TYPE : {},
			body: hasBody ? json({ a: 1 }) : undefined,
		};
	},
	headerAbuse(random, { trustedOrigin }) {
		const path = random.pick(BODY_ROUTES);
		const headers: Record<string, string | string[]> = { ...JSON_TYPE };
		const abuse = random.pick([
			() => (headers["x-forwarded-for"] = random.pick(["unknown", "garbage", "::1", "0.0.0.0", "999.999.999.999", Array.from({ length: 500 }, (_, n) => `10.1.${n >> 8}.${n & 255}`).join(", "), ""])),
			() => (headers.origin = random.pick(["null", "https://evil.example", `${trustedOrigin}.evil.example`, "x".repeat(5000), "http://localhost:3000/", "HTTP://LOCALHOST:3000"])),
			() => (headers.origin = [trustedOrigin, "https://evil.example"]),
			() => (headers["content-type"] = ["application/json", "text/plain"]),
			() => (headers.authorization = random.pick(["Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer ", "Negotiate abc", "x".repeat(8000), "Bearer a.b", "Bearer ..", "Bearer a.b.c.d"])),
			() => (headers.referer = random.pick(["https://evil.example/", "javascript:alert(1)", "x".repeat(4000)])),
			() => (headers["x-gatehouse-client-ip"] = "203.0.113.99"), // our internal header, set by a client
			() => (headers["accept-language"] = "x".repeat(6000)),
			() => (headers.accept = random.pick(["text/html", "application/xml", "*/*;q=garbage", ""])),
			() => (headers.range = "bytes=0-1,2-3,4-5"),
			() => (headers["if-none-match"] = "*"),
			() => (headers["x-http-method-override"] = "DELETE"),
			() => {
				for (let n = 0; n < 90; n++) headers[`x-junk-${n}`] = "y".repeat(60);
			},
			() => (headers["user-agent"] = random.pick(UNICODE_EDGES.filter((s) => /^[\t\x20-\x7e\x80-\xff]*$/.test(s))) ?? "x"),
		]);
		abuse();
		const expectStatus = headers.authorization !== undefined && path === "/api/profile" ? 401 : undefined;
		return { ...post("headerAbuse", path, json(goodBody(path, random)), headers as Record<string, string>), headers, expectStatus };
	},
	wellFormedOdd(random, { existingEmail }) {
		const odd = () => random.pick([...SQL_LOOKING, ...UNICODE_EDGES]);
		const password = `${odd()}${odd()}`.padEnd(8, "~");
		if (random.chance(0.5)) {
			// The existing user with a wrong password: refused, and never locked out for good.
			return { ...post("wellFormedOdd", "/api/auth/sign-in/email", json({ email: existingEmail, password })), expectStatus: 401 };
		}
		// Stored as given, or refused (Postgres text holds no NUL); either way below 500.
		return post(
			"wellFormedOdd",
			"/api/auth/sign-up/email",
			json({ email: `odd${random.int(1, 1e9)}@example.com`, password, name: `${odd()} ${odd()}`, softwareBackground: odd(), hardwareBackground: odd() }),
		);
	},
};

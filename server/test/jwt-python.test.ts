import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "./support/test-client.js";
import { type TestServer, URL_BACKENDS, startTestServer } from "./support/test-server.js";

// Debian's python3 with PyJWT and cryptography (the pyenv python on PATH may lack them).
const PYTHON = process.env.PYJWT_PYTHON ?? "/usr/bin/python3";
const script = fileURLToPath(new URL("fixtures/verify_jwt.py", import.meta.url));

async function verifyWithPyJWT(baseURL: string, token: string) {
	try {
		const { stdout } = await promisify(execFile)(PYTHON, [script, baseURL, token]);
		return JSON.parse(stdout);
	} catch (error) {
		throw new Error(
			`PyJWT could not run (${(error as Error).message.split("\n")[0]}). Install it: \`apt-get install -y python3-jwt python3-cryptography\` (.ci/run does this), or set PYJWT_PYTHON to a python with pyjwt[crypto].`,
		);
	}
}

describe.each(URL_BACKENDS)("an API in Python verifies Gatehouse JWTs (the README recipe) on %s", (backend) => {
	let t: TestServer;
	let token: string;
	beforeAll(async () => {
		expect(existsSync(PYTHON), `${PYTHON} is missing: apt-get install -y python3 python3-jwt python3-cryptography`).toBe(true);
		t = await startTestServer(backend);
		const client = new TestClient(t.baseURL);
		await client.request("POST", "/api/auth/sign-up/email", { email: "py@example.com", password: "correct horse", name: "Guido" });
		token = (await client.request("GET", "/api/auth/token")).body.token;
	});
	afterAll(async () => {
		await t?.close();
	});

	it("accepts a token with PyJWKClient, RS256, issuer and audience", async () => {
		const result = await verifyWithPyJWT(t.baseURL, token);
		expect(result).toMatchObject({ ok: true, claims: { email: "py@example.com", name: "Guido", iss: t.baseURL, aud: t.baseURL } });
	});

	it("rejects a tampered token", async () => {
		const [header, payload, signature] = token.split(".");
		const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), sub: "admin" })).toString("base64url");
		expect(await verifyWithPyJWT(t.baseURL, `${header}.${forged}.${signature}`)).toEqual({ ok: false, error: "InvalidSignatureError" });
	});
});

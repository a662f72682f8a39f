import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "./support/test-client.js";
import { type TestServer, URL_BACKENDS, startTestServer } from "./support/test-server.js";

describe.each(URL_BACKENDS)("a burst of sign-ups on %s", (backend) => {
	let t: TestServer;
	beforeAll(async () => {
		t = await startTestServer(backend);
	});
	afterAll(async () => {
		await t?.close();
	});

	it("does not hold up everyone else's session checks", async () => {
		const reader = new TestClient(t.baseURL);
		await reader.request("POST", "/api/auth/sign-up/email", { email: "reader@example.com", password: "correct horse", name: "Reader" });
		const burst = Promise.all(
			Array.from({ length: 100 }, (_, i) =>
				new TestClient(t.baseURL).request("POST", "/api/auth/sign-up/email", { email: `burst-${i}@example.com`, password: "correct horse", name: "B" }),
			),
		);
		await new Promise((resolve) => setTimeout(resolve, 300)); // the burst is now hashing and queued
		const started = performance.now();
		const session = await reader.request("GET", "/api/auth/get-session");
		const waited = performance.now() - started;
		expect(session.body.user.email).toBe("reader@example.com");
		// Sign-ups hash a few at a time, each holding a connection; the rest wait without one.
		expect(waited).toBeLessThan(1500);
		expect((await burst).map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
	});
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../support/test-client.js";
import { recordFigure } from "./figures.js";
import { seconds, timed, waitUntil } from "./load.js";
import { type ServerBehindProxy, startServerBehindProxy } from "./server-behind-proxy.js";

const PASSWORD = "correct horse battery staple";
const COLD_START_MS = 3000;

/** A Neon compute that suspended takes a few seconds to accept the next connection. */
describe("a 3 s cold start", () => {
	let t: ServerBehindProxy;
	let user: TestClient;

	beforeAll(async () => {
		t = await startServerBehindProxy();
		user = new TestClient(t.baseURL);
		const signUp = await user.request("POST", "/api/auth/sign-up/email", { email: "cold@example.com", password: PASSWORD, name: "Cold" });
		expect(signUp.status).toBe(200);
	});
	afterAll(async () => {
		await t?.close();
	});

	it("answers every request once the compute is up (10 s connect timeout), no error", async () => {
		// The compute suspended: its connections are gone, and the next ones wait 3 s for it to wake.
		await t.terminateBackends();
		t.proxy.resetAll();
		await waitUntil("the pool to notice its connections are gone", () => t.proxy.openConnections() === 0);
		t.proxy.delayNewConnections(COLD_START_MS);

		const named = async (name: string, send: () => Promise<{ status: number; body: unknown }>) => ({ name, ...(await timed(send)) });
		const results = await Promise.all([
			named("get-session", () => user.request("GET", "/api/auth/get-session")),
			named("profile", () => user.request("GET", "/api/profile")),
			named("health", () => user.request("GET", "/health")),
			named("sign-in", () => new TestClient(t.baseURL).request("POST", "/api/auth/sign-in/email", { email: "cold@example.com", password: PASSWORD })),
			named("sign-up", () =>
				new TestClient(t.baseURL).request("POST", "/api/auth/sign-up/email", { email: "woke@example.com", password: PASSWORD, name: "Woke" }),
			),
		]);
		for (const r of results) expect({ name: r.name, status: r.status }).toEqual({ name: r.name, status: 200 });
		// Each of them really waited for the cold start (no connection survived to skip it).
		for (const r of results) expect(r.ms, r.name).toBeGreaterThanOrEqual(COLD_START_MS - 50);
		expect(results.find((r) => r.name === "get-session")!.body).toMatchObject({ user: { email: "cold@example.com" } });

		// Once awake, the pool's connections are warm again.
		const warm = await named("get-session", () => user.request("GET", "/api/auth/get-session"));
		expect(warm.status).toBe(200);
		const slowest = Math.max(...results.map((r) => r.ms));
		const fastest = Math.min(...results.map((r) => r.ms));
		recordFigure({
			scenario: "3 s cold start (new connections held 3 s)",
			result: `${results.length} concurrent requests (get-session, profile, health, sign-in, sign-up) all 200 in ${seconds(fastest)}–${seconds(slowest)}; next get-session ${warm.ms} ms`,
		});
	});
});

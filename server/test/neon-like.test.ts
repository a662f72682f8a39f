import pg from "pg";
import { describe, expect, inject, it } from "vitest";

// The "neon" backend is only worth running the suite on if it refuses what Neon refuses.
describe("the Neon-like test database", () => {
	const { directUrl, pooledUrl } = inject("neon");

	const connectError = async (url: string, config: pg.ClientConfig = {}): Promise<string> => {
		const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, ...config });
		client.on("error", () => {});
		try {
			await client.connect();
		} catch (error) {
			return (error as Error).message;
		} finally {
			await client.end().catch(() => {});
		}
		return "connected";
	};
	const withUrl = (base: string, change: (url: URL) => void) => {
		const url = new URL(base);
		change(url);
		return url.toString();
	};

	it.each([
		["direct", directUrl],
		["pooled", pooledUrl],
	])("%s: refuses plaintext and a wrong password, and is refused by a client that cannot verify its certificate", async (_, url) => {
		expect(await connectError(url)).toBe("connected");
		expect(await connectError(withUrl(url, (u) => (u.search = "?sslmode=disable")))).toMatch(/no encryption|SSL required/);
		expect(await connectError(withUrl(url, (u) => (u.password = "wrong")))).toMatch(/password authentication failed|SASL authentication failed/);
		expect(await connectError(withUrl(url, (u) => (u.search = "?sslmode=verify-full")))).toMatch(/unable to verify the first certificate/);
	});

	it("pooled: shares one server connection between clients, transaction by transaction", async () => {
		const a = new pg.Client(pooledUrl);
		const b = new pg.Client(pooledUrl);
		await Promise.all([a.connect(), b.connect()]);
		try {
			const backendOf = async (client: pg.Client) => (await client.query("SELECT pg_backend_pid() AS pid")).rows[0].pid;
			// In session mode each client would keep its own backend; in transaction mode the idle one is handed on.
			expect(await backendOf(a)).toBe(await backendOf(b));
		} finally {
			await Promise.all([a.end(), b.end()]);
		}
	});

	it("pooled: refuses startup parameters such as a statement timeout in `options`", async () => {
		expect(await connectError(pooledUrl, { options: "-c statement_timeout=1000" })).toMatch(/unsupported startup parameter/);
	});
});

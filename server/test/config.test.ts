import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const secret = "a".repeat(32);
const dataDir = () => mkdtempSync(join(tmpdir(), "gatehouse-config-"));

describe("loadConfig", () => {
	it("has working defaults for a newcomer", () => {
		const config = loadConfig({ DATA_DIR: dataDir() });
		expect(config.port).toBe(3005);
		expect(config.baseURL).toBe("http://localhost:3005");
		expect(config.databaseUrl).toBeUndefined();
		expect(config.trustedOrigins).toContain("http://localhost:3000");
		expect(config.cookieSameSite).toBe("lax");
		expect(config.trustProxy).toBe(false);
	});

	it("makes a development secret once and keeps it, readable only by the owner", () => {
		const dir = dataDir();
		const first = loadConfig({ DATA_DIR: dir }).secret;
		expect(first.length).toBeGreaterThanOrEqual(32);
		expect(loadConfig({ DATA_DIR: dir }).secret).toBe(first);
		expect(readFileSync(join(dir, "secret"), "utf8").trim()).toBe(first);
		expect(statSync(join(dir, "secret")).mode & 0o077).toBe(0);
	});

	it.each([
		[{ NODE_ENV: "production", BETTER_AUTH_SECRET: undefined }, /BETTER_AUTH_SECRET is not set.*openssl rand/],
		[{ NODE_ENV: "production", BETTER_AUTH_SECRET: "short" }, /BETTER_AUTH_SECRET is 5 characters; it must be at least 32/],
		[{ BETTER_AUTH_SECRET: "short" }, /BETTER_AUTH_SECRET is 5 characters/],
		[{ PORT: "eighty" }, /PORT must be a whole number from 0 to 65535, got "eighty"/],
		[{ PORT: "70000" }, /PORT must be a whole number/],
		[{ DATABASE_URL: "mysql://x@y/z" }, /DATABASE_URL must start with postgresql:\/\/ or postgres:\/\//],
		[{ DATABASE_URL: "not a url" }, /DATABASE_URL is not a valid URL/],
		[{ BETTER_AUTH_URL: "auth.example.com" }, /BETTER_AUTH_URL must be an absolute URL/],
		[{ BETTER_AUTH_URL: "https://example.com/auth" }, /BETTER_AUTH_URL must be an origin without a path/],
		[{ TRUSTED_ORIGINS: "https://docs.example.com, ftp://x" }, /TRUSTED_ORIGINS must start with http:\/\/ or https:\/\//],
		[{ TRUSTED_ORIGINS: "https://*.example.com" }, /wildcards are not accepted/],
		[{ TRUST_PROXY: "true" }, /TRUST_PROXY=true would let any client pick its own IP/],
		[{ TRUST_PROXY: "my-proxy" }, /TRUST_PROXY lists "my-proxy"/],
		[{ COOKIE_SAMESITE: "none" }, /COOKIE_SAMESITE=none needs an https BETTER_AUTH_URL/],
		[{ COOKIE_SAMESITE: "sometimes" }, /COOKIE_SAMESITE must be lax, strict or none/],
		[{ SESSION_COOKIE_CACHE: "5m" }, /SESSION_COOKIE_CACHE must be a whole number of seconds/],
		[{ SMTP_URL: "mail.example.com" }, /SMTP_URL is not a valid URL/],
		[{ SMTP_URL: "http://mail.example.com" }, /SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
		[{ REQUIRE_EMAIL_VERIFICATION: "yes" }, /REQUIRE_EMAIL_VERIFICATION must be true or false/],
		[{ NODE_ENV: "production", REQUIRE_EMAIL_VERIFICATION: "true" }, /REQUIRE_EMAIL_VERIFICATION=true needs SMTP_URL in production/],
	])("refuses %j with one line that names the variable", (env, message) => {
		const run = () => loadConfig({ DATA_DIR: dataDir(), BETTER_AUTH_SECRET: secret, ...env });
		expect(run).toThrow(ConfigError);
		expect(run).toThrow(message);
		try {
			run();
		} catch (error) {
			expect((error as Error).message).not.toContain("\n");
		}
	});

	it("reads a Neon-style setup", () => {
		const config = loadConfig({
			NODE_ENV: "production",
			BETTER_AUTH_SECRET: secret,
			DATABASE_URL: "postgresql://app:s3cret@ep-x-123-pooler.us-east-2.aws.neon.tech/neondb?sslmode=verify-full",
			BETTER_AUTH_URL: "https://auth.example.com",
			TRUSTED_ORIGINS: "https://docs.example.com,https://example.github.io",
			TRUST_PROXY: "1",
			COOKIE_SAMESITE: "none",
			SESSION_COOKIE_CACHE: "60",
		});
		expect(config).toMatchObject({
			production: true,
			baseURL: "https://auth.example.com",
			trustedOrigins: ["https://docs.example.com", "https://example.github.io"],
			trustProxy: 1,
			cookieSameSite: "none",
			sessionCookieCacheSeconds: 60,
		});
	});
});

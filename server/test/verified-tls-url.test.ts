import { describe, expect, it } from "vitest";
import { withVerifiedTls } from "../src/db/verified-tls-url.js";

describe("withVerifiedTls", () => {
	const neon = "postgresql://neondb_owner:npg_p%40ss%2Fw0rd@ep-x-123456-pooler.us-east-2.aws.neon.tech/neondb";

	it.each(["prefer", "require", "verify-ca"])("spells sslmode=%s as the verify-full that pg does today, keeping the rest", (mode) => {
		const result = new URL(withVerifiedTls(`${neon}?sslmode=${mode}&channel_binding=require`));
		expect(Object.fromEntries(result.searchParams)).toEqual({ sslmode: "verify-full", channel_binding: "require" });
		expect(decodeURIComponent(result.password)).toBe("npg_p@ss/w0rd");
		expect(`${result.username}@${result.host}${result.pathname}`).toBe("neondb_owner@ep-x-123456-pooler.us-east-2.aws.neon.tech/neondb");
	});

	it.each([
		["verify-full", `${neon}?sslmode=verify-full`],
		["disable", `${neon}?sslmode=disable`],
		["no sslmode", neon],
		["libpq's meaning asked for", `${neon}?uselibpqcompat=true&sslmode=require`],
	])("leaves a URL alone: %s", (_, url) => {
		expect(withVerifiedTls(url)).toBe(url);
	});
});

import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../src/redirect.js";

describe("safeRedirectPath", () => {
	it.each([
		["/docs/protected", "/docs/protected"],
		["/docs/a?tab=2#part", "/docs/a?tab=2#part"],
		["/", "/"],
		["/a/../b", "/b"],
	])("keeps the same-site path %s", (target, expected) => {
		expect(safeRedirectPath(target, "/home")).toBe(expected);
	});

	it.each([
		"//evil.example",
		"//evil.example/path",
		"https://evil.example",
		"http://evil.example/docs",
		"javascript:alert(1)",
		"JavaScript:alert(1)",
		"/\\evil.example",
		"\\\\evil.example",
		"/\t/evil.example",
		"/\n/evil.example",
		"data:text/html,hi",
		"docs/relative",
		"",
		" /docs",
	])("falls back for %j", (target) => {
		expect(safeRedirectPath(target, "/home")).toBe("/home");
	});

	it("falls back for values that are not strings", () => {
		expect(safeRedirectPath(undefined, "/home")).toBe("/home");
		expect(safeRedirectPath(null, "/home")).toBe("/home");
		expect(safeRedirectPath(["/docs"], "/home")).toBe("/home");
	});
});

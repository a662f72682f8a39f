import { normalizePluginOptions } from "@docusaurus/utils-validation";
import { describe, expect, it } from "vitest";
import { type Options, validateOptions } from "../src/options.js";

/** As Docusaurus calls it: with its own validator, which also fills in the plugin `id`. */
const validate = (options: Partial<Options> | Record<string, unknown>) =>
	validateOptions({ validate: normalizePluginOptions as never, options: options as Options });

describe("plugin options", () => {
	it("fills in the defaults", () => {
		expect(validate({ authUrl: "https://auth.example.com" })).toEqual({
			id: "default",
			authUrl: "https://auth.example.com",
			sessionMode: "cookie",
			signInPath: "/sign-in",
			signUpPath: "/sign-up",
			afterSignInPath: "/",
			forgotPasswordPath: "/forgot-password",
			resetPasswordPath: "/reset-password",
			onProtectedPageWithoutDescription: "warn",
		});
	});

	it.each([
		["missing", {}],
		["empty", { authUrl: "" }],
		["not a string", { authUrl: 42 }],
	])("refuses an authUrl that is %s, saying what to write", (_, options) => {
		expect(() => validate(options)).toThrow(
			'@gatehouse/docusaurus needs the option "authUrl": the origin of your Gatehouse auth server, like https://auth.example.com.',
		);
	});

	it("refuses an authUrl that is not an absolute http(s) URL", () => {
		expect(() => validate({ authUrl: "auth.example.com" })).toThrow('"authUrl" must be an absolute http(s) URL like https://auth.example.com');
		expect(() => validate({ authUrl: "ftp://auth.example.com" })).toThrow('"authUrl" must be an absolute http(s) URL');
	});

	it("refuses an unknown session mode and paths that are not on this site", () => {
		expect(() => validate({ authUrl: "https://a.example", sessionMode: "jwt" as never })).toThrow('"sessionMode" must be one of [cookie, token]');
		expect(() => validate({ authUrl: "https://a.example", signInPath: "https://evil.example/sign-in" })).toThrow(
			'"signInPath" must be a path on this site starting with "/"',
		);
		expect(() => validate({ authUrl: "https://a.example", afterSignInPath: "//evil.example" })).toThrow('"afterSignInPath" must be a path');
	});

	it("refuses options it does not know, so a typo does not pass silently", () => {
		expect(() => validate({ authUrl: "https://a.example", authURL: "https://b.example" })).toThrow('"authURL" is not allowed');
	});
});

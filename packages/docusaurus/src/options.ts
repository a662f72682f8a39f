import { Joi } from "@docusaurus/utils-validation";
import type { OptionValidationContext } from "@docusaurus/types";

/** How a site talks to the auth server; see the README's "Cross-site deployment". */
export type SessionMode = "cookie" | "token";

/** What happens when a protected page would leak its first paragraph; Docusaurus' own severities. */
export type ReportingSeverity = "ignore" | "log" | "warn" | "throw";

/** The options a site writes in `docusaurus.config`. */
export interface Options {
	/** The auth server's origin, e.g. `https://auth.example.com`. Required. */
	authUrl: string;
	/**
	 * `cookie`: HttpOnly session cookie, for a site on the same site as the auth server
	 * (`docs.example.com` + `auth.example.com`). `token`: session token in `localStorage`, sent as
	 * `Authorization: Bearer`, for a site elsewhere (GitHub Pages, Netlify) where browsers block
	 * third-party cookies. @default "cookie"
	 */
	sessionMode?: SessionMode;
	/** The sign-in page, relative to the site's `baseUrl`. @default "/sign-in" */
	signInPath?: string;
	/** The sign-up page, relative to the site's `baseUrl`. @default "/sign-up" */
	signUpPath?: string;
	/** Where to go after signing in when the page gave no `redirectTo`, relative to `baseUrl`. @default "/" */
	afterSignInPath?: string;
	/** The page holding `<ForgotPassword/>`, relative to `baseUrl`. @default "/forgot-password" */
	forgotPasswordPath?: string;
	/** The page holding `<ResetPassword/>`, which reset emails link to, relative to `baseUrl`. @default "/reset-password" */
	resetPasswordPath?: string;
	/**
	 * A page that uses `<ProtectedRoute>` without a front-matter `description` gets its first
	 * paragraph copied into `<meta name="description">` by Docusaurus, in the public HTML.
	 * @default "warn"
	 */
	onProtectedPageWithoutDescription?: ReportingSeverity;
}

/** The options after validation: every default filled in. */
export interface PluginOptions extends Required<Options> {
	id: string;
}

export const DEFAULT_OPTIONS = {
	sessionMode: "cookie",
	signInPath: "/sign-in",
	signUpPath: "/sign-up",
	afterSignInPath: "/",
	forgotPasswordPath: "/forgot-password",
	resetPasswordPath: "/reset-password",
	onProtectedPageWithoutDescription: "warn",
} as const satisfies Omit<Options, "authUrl">;

// Joi reads braces in messages as template variables: none here.
const AUTH_URL_HELP =
	'@gatehouse/docusaurus needs the option "authUrl": the origin of your Gatehouse auth server, like https://auth.example.com. In docusaurus.config: plugins: [["@gatehouse/docusaurus", options with authUrl]].';

const sitePath = (name: keyof Options) =>
	Joi.string()
		.pattern(/^\/(?!\/)/)
		.messages({ "string.pattern.base": `"${name}" must be a path on this site starting with "/", like "/sign-in"` });

export const pluginOptionsSchema = Joi.object<PluginOptions>({
	authUrl: Joi.string()
		.required()
		.uri({ scheme: ["http", "https"] })
		.messages({
			"any.required": AUTH_URL_HELP,
			"string.empty": AUTH_URL_HELP,
			"string.base": AUTH_URL_HELP,
			"string.uri": `"authUrl" must be an absolute http(s) URL like https://auth.example.com; got {#value}`,
			"string.uriCustomScheme": `"authUrl" must be an absolute http(s) URL like https://auth.example.com; got {#value}`,
		}),
	sessionMode: Joi.string().valid("cookie", "token").default(DEFAULT_OPTIONS.sessionMode),
	signInPath: sitePath("signInPath").default(DEFAULT_OPTIONS.signInPath),
	signUpPath: sitePath("signUpPath").default(DEFAULT_OPTIONS.signUpPath),
	afterSignInPath: sitePath("afterSignInPath").default(DEFAULT_OPTIONS.afterSignInPath),
	forgotPasswordPath: sitePath("forgotPasswordPath").default(DEFAULT_OPTIONS.forgotPasswordPath),
	resetPasswordPath: sitePath("resetPasswordPath").default(DEFAULT_OPTIONS.resetPasswordPath),
	onProtectedPageWithoutDescription: Joi.string()
		.valid("ignore", "log", "warn", "throw")
		.default(DEFAULT_OPTIONS.onProtectedPageWithoutDescription),
});

/** Docusaurus calls this with its own validator before the plugin runs; a bad option stops the build. */
export function validateOptions({ validate, options }: OptionValidationContext<Options, PluginOptions>): PluginOptions {
	return validate(pluginOptionsSchema, options);
}

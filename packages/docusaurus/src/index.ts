// @gatehouse/docusaurus: the Docusaurus plugin. Runs in Node at build time; the browser side is
// in ./theme (what Docusaurus picks up) and ./client (for sites that compose by hand).
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { logger } from "@docusaurus/logger";
import type { LoadContext, Plugin } from "@docusaurus/types";
import { type GatehouseGlobalData, PLUGIN_NAME } from "./global-data.js";
import type { PluginOptions } from "./options.js";
import { describeLeakingPages, protectedPagesWithoutDescription } from "./protected-pages.js";

const require = createRequire(import.meta.url);

/**
 * Wraps the site in the kit's `AuthProvider` (theme `Root`), makes `<SignIn/>`, `<SignUp/>`,
 * `<ProtectedRoute>`… usable in every MDX page (theme `MDXComponents`), adds the
 * `custom-gatehouse-user` navbar item, and loads the kit's stylesheet. No swizzling.
 */
export default function pluginGatehouse(context: LoadContext, options: PluginOptions): Plugin {
	return {
		name: PLUGIN_NAME,
		getThemePath: () => fileURLToPath(new URL("./theme", import.meta.url)),
		getClientModules: () => [require.resolve("@gatehouse/react/styles.css"), fileURLToPath(new URL("./client/navbar.css", import.meta.url))],
		contentLoaded({ actions }) {
			const data: GatehouseGlobalData = {
				authUrl: options.authUrl,
				sessionMode: options.sessionMode,
				signInPath: options.signInPath,
				signUpPath: options.signUpPath,
				afterSignInPath: options.afterSignInPath,
				forgotPasswordPath: options.forgotPasswordPath,
				resetPasswordPath: options.resetPasswordPath,
			};
			actions.setGlobalData(data);
		},
		async allContentLoaded({ allContent }) {
			if (options.onProtectedPageWithoutDescription === "ignore") return;
			const leaking = await protectedPagesWithoutDescription(allContent, context.siteDir);
			if (leaking.length > 0) logger.report(options.onProtectedPageWithoutDescription)(describeLeakingPages(leaking, context.siteDir));
		},
	};
}

export { validateOptions } from "./options.js";
export type { Options, PluginOptions, ReportingSeverity, SessionMode } from "./options.js";

import type { SessionMode } from "./options.js";

/** The plugin's name: Docusaurus keys its global data by it. */
export const PLUGIN_NAME = "docusaurus-plugin-gatehouse";

/** What the plugin hands to the browser through `setGlobalData` (plain JSON). */
export interface GatehouseGlobalData {
	authUrl: string;
	sessionMode: SessionMode;
	signInPath: string;
	signUpPath: string;
	afterSignInPath: string;
	forgotPasswordPath: string;
	resetPasswordPath: string;
}

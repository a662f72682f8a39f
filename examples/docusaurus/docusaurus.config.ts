import type * as Preset from "@docusaurus/preset-classic";
import type { Config } from "@docusaurus/types";
import type { Options as GatehouseOptions } from "@gatehouse/docusaurus";
import { fileURLToPath } from "node:url";
import { themes as prismThemes } from "prism-react-renderer";

// In this monorepo, Docusaurus' own CSS (Infima) is installed in the root node_modules, where
// browserslist finds no targets and falls back to defaults that include Opera Mini; the dev
// server then polyfills Infima's cascade layers with high-specificity selectors that beat
// src/css/custom.css. Point browserslist at this site's targets for every file.
process.env.BROWSERSLIST_CONFIG ??= fileURLToPath(new URL("./.browserslistrc", import.meta.url));

// Runs in Node at build time: the values below are baked into the static site.
// GATEHOUSE_AUTH_URL      the auth server's origin (the reference server: `npm start` at the root)
// GATEHOUSE_SESSION_MODE  "cookie" (same site as the auth server) or "token" (another site)
// SITE_BASE_URL           the path the site is served under, e.g. /my-repo/ on GitHub Pages
const authUrl = process.env.GATEHOUSE_AUTH_URL ?? "http://localhost:3005";
const sessionMode = process.env.GATEHOUSE_SESSION_MODE === "token" ? "token" : "cookie";

const config: Config = {
	title: "Gatehouse docs",
	tagline: "A Docusaurus site whose readers sign in",
	favicon: "img/favicon.ico",
	future: { v4: true },
	url: "https://docs.example.com",
	baseUrl: process.env.SITE_BASE_URL ?? "/",
	onBrokenLinks: "throw",
	i18n: { defaultLocale: "en", locales: ["en"] },

	presets: [
		[
			"classic",
			{
				docs: { sidebarPath: "./sidebars.ts" },
				blog: false,
				theme: { customCss: "./src/css/custom.css" },
			} satisfies Preset.Options,
		],
	],

	plugins: [["@gatehouse/docusaurus", { authUrl, sessionMode } satisfies GatehouseOptions]],

	themeConfig: {
		colorMode: { respectPrefersColorScheme: true },
		navbar: {
			title: "Gatehouse docs",
			logo: { alt: "Gatehouse logo", src: "img/logo.svg" },
			items: [
				{ type: "docSidebar", sidebarId: "docs", position: "left", label: "Docs" },
				// The user menu: a Sign in link, or the signed-in reader's name and Sign out.
				{ type: "custom-gatehouse-user", position: "right" },
			],
		},
		footer: {
			style: "dark",
			links: [
				{
					title: "Docs",
					items: [
						{ label: "Getting started", to: "/docs/intro" },
						{ label: "Members only", to: "/docs/members-only" },
					],
				},
				{
					title: "Account",
					items: [
						{ label: "Sign in", to: "/sign-in" },
						{ label: "Create an account", to: "/sign-up" },
					],
				},
			],
			copyright: "Gatehouse example site. Built with Docusaurus.",
		},
		prism: { theme: prismThemes.github, darkTheme: prismThemes.dracula },
	} satisfies Preset.ThemeConfig,
};

export default config;

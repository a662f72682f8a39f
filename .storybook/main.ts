import { fileURLToPath } from "node:url";
import type { StorybookConfig } from "@storybook/react-vite";
import { mergeConfig } from "vite";

const kitSource = (path: string) => fileURLToPath(new URL(`../packages/react/src/${path}`, import.meta.url));

const config: StorybookConfig = {
	framework: "@storybook/react-vite",
	stories: ["../stories/**/*.stories.@(ts|tsx)"],
	addons: ["@storybook/addon-docs", "@storybook/addon-a11y", "@storybook/addon-vitest"],
	// mockServiceWorker.js (`npx msw init .storybook/public`): MSW answers the auth API from it.
	staticDirs: ["./public"],
	core: { disableTelemetry: true },
	viteFinal: (viteConfig) =>
		mergeConfig(viteConfig, {
			resolve: {
				// Stories use the kit's source, not its build: props docs come from the real types, edits
				// show up at once, and a fresh clone needs no `npm run build` first.
				alias: [
					{ find: /^@gatehouse\/react$/, replacement: kitSource("index.ts") },
					{ find: /^@gatehouse\/react\/styles\.css$/, replacement: kitSource("styles.css") },
					{ find: /^@gatehouse\/react\/locales\/(.*)$/, replacement: kitSource("locales/$1.ts") },
				],
			},
			// Found late, these make Vite reload mid-run, and Vitest then fails with
			// "Vitest failed to find the current suite". (Not `msw` itself: Vite refuses that entry.)
			optimizeDeps: { include: ["msw-storybook-addon/csf3", "react/jsx-dev-runtime", "@tanstack/react-query", "@radix-ui/react-dialog", "better-auth/client", "better-auth/client/plugins"] },
		}),
};

export default config;

import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { configDefaults, defineConfig } from "vitest/config";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./e2e/support/browser.js";

// One Vitest config; each part of the house is a project. `npm test` runs them all.
export default defineConfig({
	test: {
		projects: [
			{
				plugins: [react()],
				test: {
					name: "react",
					include: ["packages/react/test/**/*.test.{ts,tsx}"],
					environment: "jsdom",
					setupFiles: ["packages/react/test/setup.ts"],
				},
			},
			{
				test: {
					name: "e2e",
					include: ["e2e/**/*.test.ts"],
					environment: "node",
					globalSetup: ["e2e/global-setup.ts"],
					testTimeout: 120_000,
					hookTimeout: 180_000,
				},
			},
			{
				test: {
					name: "docusaurus",
					include: ["packages/docusaurus/test/**/*.test.ts"],
					environment: "node",
				},
			},
			{
				test: {
					name: "server",
					include: ["server/test/**/*.test.ts"],
					exclude: [...configDefaults.exclude, "server/test/reliability/**"],
					environment: "node",
					// A Neon-like server (TLS-only Postgres behind PgBouncer in transaction mode) for the "neon" backend.
					globalSetup: ["server/test/support/neon-global-setup.ts"],
					testTimeout: 120_000,
					hookTimeout: 120_000,
				},
			},
			{
				// Faults as Neon really produces them; prints a table of figures at the end (`npm run test:reliability`).
				test: {
					name: "reliability",
					include: ["server/test/reliability/**/*.test.ts"],
					environment: "node",
					globalSetup: ["server/test/reliability/global-setup.ts", "server/test/support/neon-global-setup.ts"],
					testTimeout: 180_000,
					hookTimeout: 180_000,
				},
			},
			{
				// Every story in stories/ is a test: it renders, its play function runs, then axe checks it.
				plugins: [storybookTest({ configDir: ".storybook", storybookScript: "npm run storybook -- --ci" })],
				test: {
					name: "storybook",
					// One page for all story files: loading Storybook's preview once instead of per file halves
					// the run (80 s → 50 s here). Each story still gets a fresh React root, MSW handlers and fake server.
					isolate: false,
					// ProtectedRoute's unreachable-server story waits out the session query's real retries (~3 s).
					testTimeout: 15_000,
					globalSetup: [".storybook/require-chromium.ts"],
					browser: {
						enabled: true,
						headless: true,
						// Debian's Chromium through playwright: no browser download.
						provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
						instances: [{ browser: "chromium" }],
					},
				},
			},
		],
	},
});

import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

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
					name: "server",
					include: ["server/test/**/*.test.ts"],
					environment: "node",
					testTimeout: 120_000,
					hookTimeout: 120_000,
				},
			},
		],
	},
});

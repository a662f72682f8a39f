import { defineConfig } from "vitest/config";

// One Vitest config; each part of the house is a project. `npm test` runs them all.
export default defineConfig({
	test: {
		projects: [
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

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { describe, expect, it } from "vitest";

const kit = fileURLToPath(new URL("../packages/react", import.meta.url));
const manifest = JSON.parse(readFileSync(`${kit}/package.json`, "utf8"));

describe("@gatehouse/react as published", () => {
	it("is publint clean", async () => {
		const { messages } = await publint({ pkgDir: kit, level: "suggestion", strict: true });
		expect(messages.map((message) => formatMessage(message, manifest))).toEqual([]);
	});

	it("ships compiled ESM with types and its stylesheet, and nothing else", () => {
		const [pack] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: kit, encoding: "utf8" }));
		const files: string[] = pack.files.map((file: { path: string }) => file.path);
		expect(files).toEqual(expect.arrayContaining(["dist/index.js", "dist/index.d.ts", "dist/styles.css", "dist/locales/ur.js", "package.json", "README.md"]));
		expect(files.filter((file) => !file.startsWith("dist/"))).toEqual(["README.md", "package.json"]);
		// Docusaurus does not transpile node_modules: what we ship must parse as plain JavaScript.
		for (const file of files.filter((f) => f.endsWith(".js"))) {
			expect(() => transformSync(readFileSync(`${kit}/${file}`, "utf8"), { loader: "js", format: "esm" }), file).not.toThrow();
		}
	});

	it("asks for React as a peer (one React in the app), in 18 and 19", () => {
		expect(manifest.peerDependencies).toMatchObject({ react: "^18.0.0 || ^19.0.0", "react-dom": "^18.0.0 || ^19.0.0" });
		expect(Object.keys(manifest.dependencies ?? {})).not.toContain("react");
		expect(manifest.sideEffects).toEqual(["*.css"]);
	});
});

const plugin = fileURLToPath(new URL("../packages/docusaurus", import.meta.url));
const pluginManifest = JSON.parse(readFileSync(`${plugin}/package.json`, "utf8"));

describe("@gatehouse/docusaurus as published", () => {
	it("is publint clean", async () => {
		const { messages } = await publint({ pkgDir: plugin, level: "suggestion", strict: true });
		expect(messages.map((message) => formatMessage(message, pluginManifest))).toEqual([]);
	});

	it("ships plain JavaScript, with only components in the theme folder", () => {
		const [pack] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: plugin, encoding: "utf8" }));
		const files: string[] = pack.files.map((file: { path: string }) => file.path);
		expect(files).toEqual(
			expect.arrayContaining(["dist/index.js", "dist/client/index.js", "dist/client/index.d.ts", "dist/client/navbar.css", "README.md"]),
		);
		// Every file in the theme folder becomes a @theme/… alias.
		expect(files.filter((file) => file.startsWith("dist/theme/")).sort()).toEqual([
			"dist/theme/MDXComponents.js",
			"dist/theme/NavbarItem/ComponentTypes.js",
			"dist/theme/Root.js",
		]);
		for (const file of files.filter((f) => f.endsWith(".js"))) {
			expect(() => transformSync(readFileSync(`${plugin}/${file}`, "utf8"), { loader: "js", format: "esm" }), file).not.toThrow();
		}
	});
});

// Compiles src/ to dist/: plain ESM with JSX compiled, because Docusaurus does not transpile
// node_modules. Needs the kit built first (its dist/ holds the types this code is checked against).
import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const root = new URL("..", import.meta.url);
rmSync(new URL("dist", root), { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
copyFileSync(new URL("src/client/navbar.css", root), new URL("dist/client/navbar.css", root));
// Every file under the theme folder becomes a `@theme/…` alias: leave only the components there.
for (const file of readdirSync(new URL("dist/theme", root), { recursive: true, encoding: "utf8" })) {
	if (file.endsWith(".d.ts")) rmSync(new URL(`dist/theme/${file}`, root));
}

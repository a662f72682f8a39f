// Compiles src/ to dist/ (ESM + .d.ts, JSX compiled: Docusaurus does not transpile node_modules)
// and copies the stylesheet. One file in, one file out, so bundlers split the dialog chunk.
import { execFileSync } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const root = new URL("..", import.meta.url);
rmSync(new URL("dist", root), { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
copyFileSync(new URL("src/styles.css", root), new URL("dist/styles.css", root));

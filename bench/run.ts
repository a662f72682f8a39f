// `npm run bench`: every benchmark, each printing its figures as ratios against a baseline
// measured in the same run. `npm run bench -- server` runs only the named ones.
import { benchImport } from "./import.js";
import { benchKitSize } from "./kit-size.js";
import { benchServer } from "./server-throughput.js";

const benches: Record<string, () => Promise<void>> = {
	"kit-size": benchKitSize,
	server: benchServer,
	import: benchImport,
};

const only = process.argv.slice(2);
for (const [name, bench] of Object.entries(benches)) {
	if (only.length && !only.includes(name)) continue;
	await bench();
}

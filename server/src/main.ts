// `npm start`: read the configuration, start the server, stop cleanly on SIGTERM/SIGINT.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import dotenv from "dotenv";
import { ConfigError, loadConfig } from "./config.js";
import { EmbeddedDatabaseError } from "./db/embedded.js";
import { createConsoleLogger } from "./logger.js";
import { startServer } from "./server.js";

dotenv.config({ quiet: true });
const log = createConsoleLogger();

try {
	const config = loadConfig();
	const demo = fileURLToPath(new URL("../../examples/demo/dist", import.meta.url));
	const server = await startServer(config, { log, staticDir: existsSync(demo) ? demo : undefined });
	log.info(`listening on ${server.url} (public URL ${config.baseURL})`);
	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		log.info(`${signal}: finishing requests in flight, then closing the database`);
		await server.stop();
		process.exit(0);
	};
	process.on("SIGTERM", () => void stop("SIGTERM"));
	process.on("SIGINT", () => void stop("SIGINT"));
	await server.ready;
	log.info(`ready: ${server.url}`);
} catch (error) {
	if (error instanceof ConfigError || error instanceof EmbeddedDatabaseError) {
		log.error(error.message);
	} else {
		log.error("could not start", error);
	}
	process.exit(1);
}

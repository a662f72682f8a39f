// `npm run migrate`: create or upgrade every table, then exit.
import dotenv from "dotenv";
import { createAuth } from "./auth/create-auth.js";
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { withRetry } from "./db/transient.js";
import { createConsoleLogger, describeError } from "./logger.js";

dotenv.config({ quiet: true });
const log = createConsoleLogger("gatehouse migrate");
try {
	const config = loadConfig();
	const database = await openDatabase({ ...config, onIdleError: () => {} });
	log.info(`database: ${database.description}`);
	try {
		const auth = createAuth(config, database.kysely, log);
		const { changes } = await withRetry(() => migrate(database.pool, auth.options), {
			onRetry: (error, attempt, delay) => log.warn(`database not reachable (${describeError(error)}); attempt ${attempt + 1} in ${delay} ms`),
		});
		log.info(changes.length ? `created or added ${changes.join(", ")}` : "up to date, nothing to do");
	} finally {
		await database.close();
	}
} catch (error) {
	log.error(error instanceof ConfigError ? error.message : "migration failed", error instanceof ConfigError ? undefined : error);
	process.exitCode = 1;
}

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Auth, createAuth } from "./auth/create-auth.js";
import type { Config } from "./config.js";
import { type Database, openDatabase } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { isTransientDatabaseError } from "./db/transient.js";
import { type DevOutbox, devOutbox } from "./email/dev-outbox.js";
import { type Mailer, type MailTransport, createMailer } from "./email/mailer.js";
import { smtpTransport } from "./email/smtp-transport.js";
import { answerUnparsableRequest } from "./http/client-error.js";
import { createApp } from "./http/create-app.js";
import { type Logger, describeError } from "./logger.js";

export interface RunningServer {
	/** `http://localhost:<port>` as bound (the port may have been 0). */
	url: string;
	port: number;
	auth: Auth;
	database: Database;
	mailer: Mailer;
	/** The development outbox, when mail is kept instead of sent. */
	outbox: DevOutbox | undefined;
	/** Settles when the schema is migrated and requests are served; rejects on a fatal database error. */
	ready: Promise<void>;
	/** Stops taking connections, lets requests in flight finish (up to `graceMs`), closes the database. */
	stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
	log: Logger;
	staticDir?: string;
}

/**
 * Opens the database, listens at once, then migrates. Until the database answers, `/health` and
 * the API say 503 with the reason and migration is retried with backoff; a database that refuses
 * us for good (wrong password, missing database) is fatal.
 */
export async function startServer(config: Config, { log, staticDir }: StartOptions): Promise<RunningServer> {
	const database = await openDatabase({
		databaseUrl: config.databaseUrl,
		dataDir: config.dataDir,
		onIdleError: (error) => log.warn(`database connection dropped (${describeError(error)}); it will be reopened`),
	});
	log.info(`database: ${database.description}`);
	const outbox = config.smtpUrl || config.production ? undefined : devOutbox(config.baseURL, log);
	const transport: MailTransport = config.smtpUrl ? smtpTransport(config.smtpUrl, config.emailFrom) : (outbox ?? noMail(log));
	log.info(`mail: ${transport.description}`);
	const mailer = createMailer(transport, log);
	const auth = createAuth(config, database.kysely, log, mailer);

	let notReady: string | undefined = "The server is starting and has not reached its database yet; try again in a moment.";
	let stopped = false;
	const app = createApp({ config, auth, pool: database.pool, log, notReadyReason: () => notReady, staticDir, outbox });
	const server = await listen(app, config.port);
	const port = (server.address() as AddressInfo).port;

	const ready = (async () => {
		for (let attempt = 1; !stopped; attempt++) {
			try {
				const { changes } = await migrate(database.pool, auth.options);
				log.info(changes.length ? `schema: created or added ${changes.join(", ")}` : "schema: up to date");
				notReady = undefined;
				return;
			} catch (error) {
				if (!isTransientDatabaseError(error)) throw error;
				const delay = Math.min(10_000, 500 * 2 ** Math.min(attempt - 1, 5));
				notReady = `The database is not reachable (${(error as Error).message}); retrying.`;
				log.warn(`database not reachable (${describeError(error)}); retrying in ${delay / 1000} s`);
				await new Promise((resolve) => setTimeout(resolve, delay));
			}
		}
	})();

	return {
		url: `http://localhost:${port}`,
		port,
		auth,
		database,
		mailer,
		outbox,
		ready,
		async stop(graceMs = 10_000) {
			stopped = true;
			await drain(server, graceMs);
			mailer.close();
			await database.close();
		},
	};
}

/** Production without SMTP_URL: say so once at start, and on every mail that can't go out. */
function noMail(log: Logger): MailTransport {
	log.warn("SMTP_URL is not set: password reset and verification emails can't be sent");
	return {
		description: "none (set SMTP_URL)",
		deliver: async (message) => {
			throw new Error(`no SMTP_URL configured to send the ${message.kind} email`);
		},
	};
}

function listen(app: ReturnType<typeof createApp>, port: number): Promise<Server> {
	return new Promise((resolve, reject) => {
		const server = app.listen(port, (error?: Error) => (error ? reject(error) : resolve(server)));
		server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeout
		server.on("clientError", answerUnparsableRequest);
	});
}

function drain(server: Server, graceMs: number): Promise<void> {
	return new Promise((resolve) => {
		// Keep-alive connections turn idle as their last response ends: close them as they do.
		const sweep = setInterval(() => server.closeIdleConnections(), 50);
		const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
		server.close(() => {
			clearInterval(sweep);
			clearTimeout(deadline);
			resolve();
		});
		server.closeIdleConnections();
	});
}

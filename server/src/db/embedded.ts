import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";

export interface EmbeddedPostgres {
	/** Directory of the unix socket (pg's `host`); the socket is `.s.PGSQL.5432` inside it. */
	socketDir: string;
	stop(): Promise<void>;
}

/** Raised when the data directory can't be used; the message says what to do. */
export class EmbeddedDatabaseError extends Error {
	override name = "EmbeddedDatabaseError";
}

/**
 * Starts PGlite on `dataDir/pglite` in a worker thread, served on a unix socket so the server
 * reaches it through pg exactly as it would reach Neon.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
	mkdirSync(dataDir, { recursive: true });
	const releaseLock = lockDataDir(join(dataDir, "pglite.lock"));
	// Unix socket paths are limited to ~100 bytes: keep the socket in a short temporary directory.
	const socketDir = mkdtempSync(join(tmpdir(), "gatehouse-"));
	const worker = new Worker(new URL("./embedded-worker.js", import.meta.url), {
		workerData: { dataDir: join(dataDir, "pglite"), socketPath: join(socketDir, ".s.PGSQL.5432") },
	});
	const cleanUp = () => {
		rmSync(socketDir, { recursive: true, force: true });
		releaseLock();
	};
	try {
		await waitFor(worker, "ready");
	} catch (error) {
		await worker.terminate();
		cleanUp();
		throw error;
	}
	let stopping: Promise<void> | undefined;
	return {
		socketDir,
		stop() {
			stopping ??= (async () => {
				worker.postMessage("stop");
				await waitFor(worker, "stopped").catch(() => {});
				await worker.terminate();
				cleanUp();
			})();
			return stopping;
		},
	};
}

function waitFor(worker: Worker, type: "ready" | "stopped"): Promise<void> {
	return new Promise((resolve, reject) => {
		const onMessage = (message: { type: string; message?: string }) => {
			if (message.type === type) done(resolve);
			else if (message.type === "error") {
				done(() => reject(new EmbeddedDatabaseError(`The embedded database failed to start: ${message.message}`)));
			}
		};
		const onError = (error: Error) => done(() => reject(error));
		const onExit = (code: number) =>
			done(() => (type === "stopped" ? resolve() : reject(new EmbeddedDatabaseError(`The embedded database exited (code ${code}).`))));
		const done = (settle: () => void) => {
			worker.off("message", onMessage).off("error", onError).off("exit", onExit);
			settle();
		};
		worker.on("message", onMessage).on("error", onError).on("exit", onExit);
	});
}

/** PGlite is single-process: a second server on the same directory would corrupt it. */
function lockDataDir(lockFile: string): () => void {
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(lockFile, "wx");
			writeSync(fd, String(process.pid));
			closeSync(fd);
			return () => rmSync(lockFile, { force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
			const owner = Number(readFileSync(lockFile, "utf8"));
			if (owner && isAlive(owner)) {
				throw new EmbeddedDatabaseError(
					`The embedded database in ${lockFile.replace(/\/pglite\.lock$/, "")} is in use by process ${owner}: stop that server, or set DATABASE_URL to share a real Postgres.`,
				);
			}
			unlinkSync(lockFile); // left by a process that no longer runs (kill -9, crash)
		}
	}
	throw new EmbeddedDatabaseError(`Could not lock ${lockFile}.`);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === "EPERM";
	}
}

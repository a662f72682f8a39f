// Runs PGlite and its socket server off the main thread, so queries don't stall HTTP handling.
// Plain JavaScript: worker threads on Node 20 don't inherit the TypeScript loader.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { parentPort, workerData } from "node:worker_threads";

/** @type {{ dataDir: string, socketPath: string }} */
const { dataDir, socketPath } = workerData;
const port = parentPort;
if (!port) throw new Error("embedded-worker.js must run as a worker thread");

try {
	const db = await PGlite.create(dataDir);
	// pg-pool reconnects after a failed query before the old socket is gone: allow spare connections.
	const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 4 });
	await server.start();
	port.on("message", async (message) => {
		if (message !== "stop") return;
		await server.stop();
		await db.close();
		port.postMessage({ type: "stopped" });
	});
	port.postMessage({ type: "ready" });
} catch (error) {
	port.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
}

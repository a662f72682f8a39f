import { type Server, type Socket, connect, createServer } from "node:net";

/**
 * A TCP proxy between the server and Postgres that fails the way Neon does: `delayNewConnections`
 * (a cold start holds the first bytes), `resetAll` (a suspend kills every connection), `goSilent`
 * (a dropped network: sockets stay open, nothing gets through), `refuse` (the database is down:
 * connection refused). `restore` undoes them all.
 */
export interface FaultProxy {
	/** `databaseUrl` with its host and port replaced by the proxy's. */
	urlFor(databaseUrl: string): string;
	/** Connections currently open through the proxy. */
	openConnections(): number;
	/** New connections wait `ms` before their first byte goes through either way; 0 turns it off. */
	delayNewConnections(ms: number): void;
	/** Resets (TCP RST) every open connection, on both sides. Returns how many there were. */
	resetAll(): number;
	/**
	 * Forwards nothing more, either way, on open and new connections, and keeps every socket open:
	 * a network path that went dead. What is sent meanwhile is lost, so a connection that was
	 * waiting for an answer then waits forever, even after `restore`.
	 */
	goSilent(): void;
	/** Stops listening (new connections are refused) and resets every open connection. */
	refuse(): Promise<void>;
	/** Listens again, forwards again, no delay. */
	restore(): Promise<void>;
	close(): Promise<void>;
}

interface Pair {
	client: Socket;
	upstream: Socket | undefined;
	/** Bytes the client sent before the upstream connection was open. */
	pending: Buffer[];
}

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
	const pairs = new Set<Pair>();
	let delayMs = 0;
	let silent = false;
	let server: Server | undefined;
	let port = 0;

	const open = (client: Socket) => {
		const pair: Pair = { client, upstream: undefined, pending: [] };
		pairs.add(pair);
		client.setNoDelay(true);
		const forget = () => {
			pairs.delete(pair);
			client.destroy();
			pair.upstream?.destroy();
		};
		client.on("error", forget).on("close", forget);
		client.on("data", (chunk) => {
			if (silent) return;
			if (pair.upstream?.connecting === false) pair.upstream.write(chunk);
			else pair.pending.push(chunk);
		});
		const connectUpstream = () => {
			if (client.destroyed) return;
			const upstream = connect(target.port, target.host);
			pair.upstream = upstream;
			upstream.setNoDelay(true);
			upstream.on("error", forget).on("close", forget);
			upstream.on("data", (chunk) => silent || client.write(chunk));
			upstream.on("connect", () => {
				for (const chunk of pair.pending.splice(0)) upstream.write(chunk);
			});
		};
		if (delayMs > 0) setTimeout(connectUpstream, delayMs);
		else connectUpstream();
	};

	const listen = (onPort: number) =>
		new Promise<void>((resolve, reject) => {
			const next = createServer(open);
			next.once("error", reject);
			next.listen(onPort, "127.0.0.1", () => {
				server = next;
				port = (next.address() as { port: number }).port;
				resolve();
			});
		});

	const stopListening = () =>
		new Promise<void>((resolve) => {
			const current = server;
			server = undefined;
			if (!current) return resolve();
			// close() stops accepting at once; its callback waits for open connections, which we reset.
			current.close(() => resolve());
			resetAll();
		});

	const resetAll = () => {
		const count = pairs.size;
		for (const pair of [...pairs]) {
			pair.client.resetAndDestroy();
			if (pair.upstream && !pair.upstream.destroyed) pair.upstream.resetAndDestroy();
			pairs.delete(pair);
		}
		return count;
	};

	await listen(0);
	return {
		urlFor(databaseUrl) {
			const url = new URL(databaseUrl);
			url.hostname = "127.0.0.1";
			url.port = String(port);
			return url.toString();
		},
		openConnections: () => pairs.size,
		delayNewConnections(ms) {
			delayMs = ms;
		},
		resetAll,
		goSilent() {
			silent = true;
		},
		refuse: stopListening,
		async restore() {
			delayMs = 0;
			silent = false;
			if (!server) await listen(port);
		},
		close: stopListening,
	};
}

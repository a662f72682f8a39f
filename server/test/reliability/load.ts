import type { TestClient } from "../support/test-client.js";

/** One request of the load: when it ran and how it ended (a status, or no answer at all). */
export interface Outcome {
	name: string;
	startedAt: number;
	endedAt: number;
	status: number | undefined;
	body: unknown;
	/** Set when there was no HTTP answer: a dropped socket, or no answer within the bound. */
	noAnswer?: string;
}

export interface Answer {
	status: number;
	body: unknown;
}

export interface LoadRequest {
	name: string;
	send: (signal: AbortSignal) => Promise<Answer>;
}

/** Sends a JSON request through `client` (its cookies, Origin and client IP), bounded by `signal`. */
export async function sendJson(
	client: TestClient,
	method: string,
	path: string,
	signal: AbortSignal,
	body?: unknown,
	headers: Record<string, string> = {},
): Promise<Answer> {
	const { status, body: answer } = await client.request(method, path, body, headers, { signal });
	return { status, body: answer };
}

export interface Load {
	outcomes: Outcome[];
	/** Lets the requests in flight finish, then resolves. */
	stop(): Promise<Outcome[]>;
}

/**
 * `clients` loops, each sending the next request from `pick` as soon as its last one ended, until
 * stopped. A request that gets no answer within `answerWithinMs` counts as a hang.
 */
export function runLoad(clients: number, pick: (i: number) => LoadRequest, answerWithinMs = 30_000): Load {
	const outcomes: Outcome[] = [];
	let running = true;
	let sent = 0;
	const loop = async () => {
		while (running) {
			const request = pick(sent++);
			const startedAt = Date.now();
			try {
				const response = await request.send(AbortSignal.timeout(answerWithinMs));
				outcomes.push({ name: request.name, startedAt, endedAt: Date.now(), status: response.status, body: response.body });
			} catch (error) {
				const reason = (error as Error).name === "TimeoutError" ? `no answer within ${answerWithinMs / 1000} s` : describe(error);
				outcomes.push({ name: request.name, startedAt, endedAt: Date.now(), status: undefined, body: undefined, noAnswer: reason });
			}
		}
	};
	const loops = Array.from({ length: clients }, loop);
	return {
		outcomes,
		async stop() {
			running = false;
			await Promise.all(loops);
			return outcomes;
		},
	};
}

function describe(error: unknown): string {
	const cause = (error as { cause?: { code?: string; message?: string } }).cause;
	return `${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ""}`;
}

/** Waits until `check` passes, polling; throws with `what` after `timeoutMs`. */
export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** `send`'s answer, and how long it took in ms. */
export async function timed<T extends object>(send: () => Promise<T>): Promise<T & { ms: number }> {
	const startedAt = Date.now();
	const answer = await send();
	return { ...answer, ms: Date.now() - startedAt };
}

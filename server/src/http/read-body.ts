import type { IncomingMessage } from "node:http";

/** What `readBody` found: the bytes, a body over the limit (left unread), or a client that went away. */
export type BodyRead = { kind: "body"; bytes: Buffer } | { kind: "too-large" } | { kind: "aborted" };

/**
 * Reads a request body of at most `limit` bytes. Stops reading as soon as it knows the body is
 * too large: from Content-Length before reading anything, or, for a chunked body, at the first
 * byte over. body-parser and better-call instead read a refused body to its end, which for a
 * chunked upload is as long as the client likes.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
	if (Number(req.headers["content-length"]) > limit) return Promise.resolve({ kind: "too-large" });
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const finish = (result: BodyRead) => {
			req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onError);
			resolve(result);
		};
		const onData = (chunk: Buffer) => {
			size += chunk.length;
			if (size <= limit) return void chunks.push(chunk);
			req.pause();
			finish({ kind: "too-large" });
		};
		const onEnd = () => finish({ kind: "body", bytes: Buffer.concat(chunks) });
		const onError = () => finish({ kind: "aborted" });
		req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onError);
	});
}

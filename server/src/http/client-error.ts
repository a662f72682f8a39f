import type { Duplex } from "node:stream";

/**
 * Requests Node's HTTP parser refuses (bad header bytes, smuggling-shaped lengths, headers over
 * 16 KB) never reach the app. Node's own answer is a bare status line; this gives them the same
 * JSON `{ code, message }` as every other refusal, then closes the connection, as Node does.
 */
export function answerUnparsableRequest(error: Error & { code?: string }, socket: Duplex): void {
	const response = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
	if (error.code === "ECONNRESET" || !socket.writable || response?.headersSent) {
		socket.destroy();
		return;
	}
	const [status, reason, code, message] =
		error.code === "HPE_HEADER_OVERFLOW"
			? [431, "Request Header Fields Too Large", "HEADERS_TOO_LARGE", "The request's headers are larger than the server accepts (16 KB)."]
			: error.code === "ERR_HTTP_REQUEST_TIMEOUT"
				? [408, "Request Timeout", "REQUEST_TIMEOUT", "The request took too long to arrive."]
				: [400, "Bad Request", "MALFORMED_REQUEST", "The request is not valid HTTP/1.1."];
	const body = JSON.stringify({ code, message });
	socket.end(
		`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
			`x-content-type-options: nosniff\r\nconnection: close\r\n\r\n${body}`,
	);
}

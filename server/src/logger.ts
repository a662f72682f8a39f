/** Where the server's lines go. One line per event; never a secret, a password or a token. */
export interface Logger {
	info(message: string): void;
	warn(message: string): void;
	error(message: string, error?: unknown): void;
}

export function createConsoleLogger(prefix = "gatehouse"): Logger {
	return {
		info: (message) => console.log(`[${prefix}] ${oneLine(message)}`),
		warn: (message) => console.warn(`[${prefix}] warning: ${oneLine(message)}`),
		error: (message, error) =>
			console.error(`[${prefix}] error: ${oneLine(message)}${error === undefined ? "" : `: ${describeError(error)}`}`),
	};
}

/** The error's class, code and message on one line; stacks only where a person asked for them. */
export function describeError(error: unknown): string {
	if (!(error instanceof Error)) return oneLine(String(error));
	const code = (error as { code?: unknown }).code;
	const head = `${error.name}${typeof code === "string" ? ` ${code}` : ""}`;
	const detail = process.env.GATEHOUSE_DEBUG ? `\n${error.stack}` : "";
	return `${oneLine(`${head}: ${error.message}`)}${detail}`;
}

/**
 * Line breaks, other control characters and bidirectional overrides, as escapes. Messages carry
 * text a client chose (an email address, a path, a URL it sent): without this a client could
 * write a fake line into the log, or make one read backwards.
 */
export function oneLine(text: string): string {
	return text.replace(UNPRINTABLE, (char) => {
		const escape = ESCAPES[char];
		if (escape) return escape;
		const code = char.charCodeAt(0);
		return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
	});
}

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidi controls.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

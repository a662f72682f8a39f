/** Where the server's lines go. One line per event; never a secret, a password or a token. */
export interface Logger {
	info(message: string): void;
	warn(message: string): void;
	error(message: string, error?: unknown): void;
}

export function createConsoleLogger(prefix = "gatehouse"): Logger {
	return {
		info: (message) => console.log(`[${prefix}] ${message}`),
		warn: (message) => console.warn(`[${prefix}] warning: ${message}`),
		error: (message, error) => console.error(`[${prefix}] error: ${message}${error === undefined ? "" : `: ${describeError(error)}`}`),
	};
}

/** The error's class, code and message on one line; stacks only where a person asked for them. */
export function describeError(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const code = (error as { code?: unknown }).code;
	const head = `${error.name}${typeof code === "string" ? ` ${code}` : ""}`;
	const detail = process.env.GATEHOUSE_DEBUG ? `\n${error.stack}` : "";
	return `${head}: ${error.message}${detail}`;
}

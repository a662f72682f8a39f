import type { Logger } from "../logger.js";

export interface EmailMessage {
	to: string;
	subject: string;
	text: string;
	html: string;
	/** What kind of mail this is, for log lines that must not contain the link itself. */
	kind: "reset-password" | "verify-email";
}

/** Where mail goes: an SMTP server, or the development outbox. */
export interface MailTransport {
	description: string;
	deliver(message: EmailMessage): Promise<void>;
}

export interface Mailer {
	/**
	 * Queues a message and returns at once: an HTTP response never waits for mail (its timing
	 * must not reveal whether an address exists). Failed deliveries are retried with backoff.
	 */
	send(message: EmailMessage): void;
	/** Resolves when nothing is queued or being sent (tests, shutdown). */
	idle(): Promise<void>;
	/** Stops retrying; what is still queued is dropped (and logged). */
	close(): void;
}

export function createMailer(transport: MailTransport, log: Logger, retryDelaysMs = [2_000, 10_000, 60_000, 300_000]): Mailer {
	let pending = 0;
	let closed = false;
	const timers = new Set<NodeJS.Timeout>();
	let waiters: (() => void)[] = [];
	const settle = () => {
		if (--pending > 0) return;
		for (const resolve of waiters) resolve();
		waiters = [];
	};
	const attempt = (message: EmailMessage, tries: number) => {
		transport.deliver(message).then(settle, (error: Error) => {
			const delay = retryDelaysMs[tries];
			if (closed || delay === undefined) {
				log.error(`could not send the ${message.kind} email to ${message.to} after ${tries + 1} attempts; giving up`, error);
				return settle();
			}
			log.warn(`sending the ${message.kind} email to ${message.to} failed (${error.message}); retrying in ${delay / 1000} s`);
			const timer = setTimeout(() => {
				timers.delete(timer);
				attempt(message, tries + 1);
			}, delay);
			timer.unref();
			timers.add(timer);
		});
	};
	return {
		send(message) {
			pending++;
			attempt(message, 0);
		},
		idle: () => (pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
		close() {
			closed = true;
			for (const timer of timers) clearTimeout(timer);
			if (timers.size) log.warn(`${timers.size} email(s) waiting for a retry were dropped at shutdown`);
			timers.clear();
		},
	};
}

import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
	to: string;
	subject: string;
	text: string;
	html: string;
	/** The first http(s) link in the text part. */
	link: string | undefined;
}

export interface SmtpSink {
	/** `smtp://127.0.0.1:<port>` for SMTP_URL. */
	url: string;
	mail: ReceivedMail[];
	/** Resolves with the first mail (already received or still to come) that matches. */
	waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
	close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps what it receives. `delayMs` makes every delivery
 * slow, to prove the auth server never makes an HTTP response wait for mail; `failFirst` refuses
 * that many deliveries with a temporary error.
 */
export async function startSmtpSink({ delayMs = 0, failFirst = 0 } = {}): Promise<SmtpSink> {
	const mail: ReceivedMail[] = [];
	let waiters: (() => void)[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ["STARTTLS"],
		logger: false,
		onData(stream, _session, callback) {
			if (failFirst > 0) {
				failFirst--;
				stream.resume();
				return stream.on("end", () => callback(Object.assign(new Error("mailbox busy, try later"), { responseCode: 451 })));
			}
			simpleParser(stream)
				.then(async (parsed: ParsedMail) => {
					await new Promise((resolve) => setTimeout(resolve, delayMs));
					const text = parsed.text ?? "";
					mail.push({
						to: [parsed.to].flat().map((to) => to?.text ?? "").join(", "),
						subject: parsed.subject ?? "",
						text,
						html: typeof parsed.html === "string" ? parsed.html : "",
						link: text.match(/https?:\/\/\S+/)?.[0],
					});
					for (const wake of waiters) wake();
					waiters = [];
					callback();
				})
				.catch(callback);
		},
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		mail,
		async waitFor(match, timeoutMs = 15_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const found = mail.find(match);
				if (found) return found;
				const left = deadline - Date.now();
				if (left <= 0) throw new Error(`No matching mail within ${timeoutMs} ms; received: ${mail.map((m) => `${m.to}: ${m.subject}`).join("; ") || "nothing"}`);
				await new Promise<void>((resolve) => {
					waiters.push(resolve);
					setTimeout(resolve, left);
				});
			}
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

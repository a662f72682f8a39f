import type { RequestHandler } from "express";
import type { Logger } from "../logger.js";
import type { EmailMessage, MailTransport } from "./mailer.js";
import { escapeHtml as escape } from "./messages.js";

export interface DevOutbox extends MailTransport {
	messages: (EmailMessage & { sentAt: string })[];
	/** `GET /dev/outbox`: the messages, newest first, with their links. */
	page: RequestHandler;
}

const KEEP = 50;

/**
 * Development only, when no SMTP server is configured: mail is kept in memory, listed at
 * /dev/outbox and announced in the log, so a newcomer can reset a password without setting up
 * mail. Never used in production (the links it shows would let anyone take over accounts).
 */
export function devOutbox(baseURL: string, log: Logger): DevOutbox {
	const messages: DevOutbox["messages"] = [];
	return {
		description: `the development outbox at ${baseURL}/dev/outbox (set SMTP_URL to send real mail)`,
		messages,
		async deliver(message) {
			messages.unshift({ ...message, sentAt: new Date().toISOString() });
			messages.length = Math.min(messages.length, KEEP);
			log.info(`dev outbox: ${message.kind} email for ${message.to}; open ${baseURL}/dev/outbox`);
		},
		page: (_req, res) => {
			const items = messages
				.map(
					(m) =>
						`<article><h2>${escape(m.subject)}</h2><p>To ${escape(m.to)} · ${escape(m.sentAt)}</p><pre>${linkify(escape(m.text))}</pre></article>`,
				)
				.join("");
			res.setHeader("cache-control", "no-store");
			res.type("html").send(
				`<!doctype html><meta charset="utf-8"><title>Dev outbox</title><h1>Development outbox</h1><p>Mail the server would have sent. Set SMTP_URL to send it for real.</p>${items || "<p>No mail yet.</p>"}`,
			);
		},
	};
}

const linkify = (html: string) => html.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

import nodemailer from "nodemailer";
import type { MailTransport } from "./mailer.js";

/** Real mail through `SMTP_URL` (smtp:// with STARTTLS, or smtps://). */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
	const transporter = nodemailer.createTransport(smtpUrl);
	const url = new URL(smtpUrl);
	return {
		description: `SMTP ${url.protocol}//${url.host}`,
		async deliver({ to, subject, text, html }) {
			await transporter.sendMail({ from, to, subject, text, html });
		},
	};
}

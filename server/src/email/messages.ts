import type { EmailMessage } from "./mailer.js";

/** The kit sends its current language in this header; otherwise Accept-Language decides. */
export const LOCALE_HEADER = "x-gatehouse-locale";

interface Copy {
	dir: "ltr" | "rtl";
	greeting: (name: string) => string;
	reset: { subject: string; intro: string; action: string; expiry: string; ignore: string };
	verify: { subject: string; intro: string; action: string; expiry: string; ignore: string };
}

const COPY: Record<string, Copy> = {
	en: {
		dir: "ltr",
		greeting: (name) => (name ? `Hello ${name},` : "Hello,"),
		reset: {
			subject: "Reset your password",
			intro: "Someone asked to reset the password of your account. To choose a new one, open this link:",
			action: "Choose a new password",
			expiry: "The link works once and expires in one hour. Resetting signs you out everywhere else.",
			ignore: "If it wasn't you, ignore this email: your password stays as it is.",
		},
		verify: {
			subject: "Verify your email address",
			intro: "Please confirm that this is your email address by opening this link:",
			action: "Verify my email",
			expiry: "The link expires in one hour.",
			ignore: "If you didn't create an account, ignore this email.",
		},
	},
	es: {
		dir: "ltr",
		greeting: (name) => (name ? `Hola, ${name}:` : "Hola:"),
		reset: {
			subject: "Restablece tu contraseña",
			intro: "Alguien pidió restablecer la contraseña de tu cuenta. Para elegir una nueva, abre este enlace:",
			action: "Elegir una contraseña nueva",
			expiry: "El enlace funciona una vez y caduca en una hora. Al restablecerla se cierran tus otras sesiones.",
			ignore: "Si no fuiste tú, ignora este correo: tu contraseña no cambia.",
		},
		verify: {
			subject: "Verifica tu correo electrónico",
			intro: "Confirma que esta es tu dirección de correo abriendo este enlace:",
			action: "Verificar mi correo",
			expiry: "El enlace caduca en una hora.",
			ignore: "Si no creaste una cuenta, ignora este correo.",
		},
	},
	fr: {
		dir: "ltr",
		greeting: (name) => (name ? `Bonjour ${name},` : "Bonjour,"),
		reset: {
			subject: "Réinitialisez votre mot de passe",
			intro: "Quelqu'un a demandé à réinitialiser le mot de passe de votre compte. Pour en choisir un nouveau, ouvrez ce lien :",
			action: "Choisir un nouveau mot de passe",
			expiry: "Le lien ne sert qu'une fois et expire dans une heure. La réinitialisation ferme vos autres sessions.",
			ignore: "Si ce n'était pas vous, ignorez ce message : votre mot de passe ne change pas.",
		},
		verify: {
			subject: "Vérifiez votre adresse e-mail",
			intro: "Confirmez que cette adresse est bien la vôtre en ouvrant ce lien :",
			action: "Vérifier mon adresse",
			expiry: "Le lien expire dans une heure.",
			ignore: "Si vous n'avez pas créé de compte, ignorez ce message.",
		},
	},
	ur: {
		dir: "rtl",
		greeting: (name) => (name ? `${name}، السلام علیکم،` : "السلام علیکم،"),
		reset: {
			subject: "اپنا پاس ورڈ دوبارہ ترتیب دیں",
			intro: "کسی نے آپ کے اکاؤنٹ کا پاس ورڈ دوبارہ ترتیب دینے کی درخواست کی ہے۔ نیا پاس ورڈ چننے کے لیے یہ لنک کھولیں:",
			action: "نیا پاس ورڈ چنیں",
			expiry: "یہ لنک ایک بار کام کرتا ہے اور ایک گھنٹے میں ختم ہو جاتا ہے۔ پاس ورڈ بدلنے سے آپ باقی جگہوں سے سائن آؤٹ ہو جائیں گے۔",
			ignore: "اگر یہ آپ نہیں تھے تو اس ای میل کو نظر انداز کریں: آپ کا پاس ورڈ نہیں بدلے گا۔",
		},
		verify: {
			subject: "اپنے ای میل کی تصدیق کریں",
			intro: "براہِ کرم یہ لنک کھول کر تصدیق کریں کہ یہ آپ کا ای میل پتا ہے:",
			action: "میرے ای میل کی تصدیق کریں",
			expiry: "یہ لنک ایک گھنٹے میں ختم ہو جاتا ہے۔",
			ignore: "اگر آپ نے اکاؤنٹ نہیں بنایا تو اس ای میل کو نظر انداز کریں۔",
		},
	},
};

/** The language for mail about this request: the kit's header, then Accept-Language, then English. */
export function localeOf(request: Request | undefined): string {
	const explicit = request?.headers.get(LOCALE_HEADER)?.trim().toLowerCase();
	if (explicit && explicit in COPY) return explicit;
	for (const part of request?.headers.get("accept-language")?.split(",") ?? []) {
		const code = part.split(";")[0]!.trim().toLowerCase().split("-")[0]!;
		if (code in COPY) return code;
	}
	return "en";
}

export function resetPasswordEmail(locale: string, to: string, name: string, url: string): EmailMessage {
	return compose("reset-password", COPY[locale] ?? COPY.en!, "reset", to, name, url);
}

export function verifyEmailEmail(locale: string, to: string, name: string, url: string): EmailMessage {
	return compose("verify-email", COPY[locale] ?? COPY.en!, "verify", to, name, url);
}

function compose(kind: EmailMessage["kind"], copy: Copy, which: "reset" | "verify", to: string, name: string, url: string): EmailMessage {
	const words = copy[which];
	const greeting = copy.greeting(name);
	const text = [greeting, "", words.intro, "", url, "", words.expiry, words.ignore, ""].join("\n");
	const e = escapeHtml;
	const html = `<!doctype html><html dir="${copy.dir}"><body style="font-family:system-ui,sans-serif;line-height:1.5">
<p>${e(greeting)}</p><p>${e(words.intro)}</p>
<p><a href="${e(url)}" style="display:inline-block;padding:10px 16px;background:#1d5fa8;color:#fff;border-radius:6px;text-decoration:none">${e(words.action)}</a></p>
<p style="font-size:13px;color:#555">${e(url)}</p><p>${e(words.expiry)}</p><p>${e(words.ignore)}</p></body></html>`;
	return { kind, to, subject: words.subject, text, html };
}

export const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, type LaunchOptions, chromium } from "playwright-core";

/** Debian's Chromium (no browser download here); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags that keep Chromium quiet on a machine with no internet, running as root. */
export const CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--disable-quic",
	"--no-first-run",
];

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`Chromium is not installed at ${CHROMIUM_PATH}. Install Debian's: \`apt-get update && apt-get install -y chromium\` (.ci/run does this), or set CHROMIUM_PATH.`,
		);
	}
	return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, ...options, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
}

/** Collects console errors and page errors, for "no console error" assertions. */
export function collectPageErrors(context: BrowserContext): string[] {
	const errors: string[] = [];
	context.on("page", (page) => {
		page.on("console", (message) => {
			if (message.type() === "error") errors.push(`console: ${message.text()}`);
		});
		page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
	});
	return errors;
}

import { existsSync } from "node:fs";
import { CHROMIUM_PATH } from "../e2e/support/browser.js";

/** Fails the storybook project up front, with the fix, when the browser it drives is missing. */
export default function requireChromium() {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`The stories run in Chromium, which is not installed at ${CHROMIUM_PATH}. Install Debian's: \`apt-get update && apt-get install -y chromium\` (.ci/run does this), or set CHROMIUM_PATH.`,
		);
	}
}

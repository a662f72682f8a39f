import { readFileSync } from "node:fs";
import { QueryClient } from "@tanstack/react-query";
import type { Browser } from "playwright-core";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthProvider, SignIn } from "../packages/react/src/index.js";
import { launchChromium } from "./support/browser.js";

const css = readFileSync(new URL("../packages/react/src/styles.css", import.meta.url), "utf8");
const form = renderToString(createElement(AuthProvider, { baseURL: "https://auth.example.com", queryClient: new QueryClient() }, createElement(SignIn)));

/** The kit's stylesheet and form on a page with the given extra CSS and <html> attributes. */
const page = (siteCss = "", htmlAttributes = "") =>
	`<!doctype html><html ${htmlAttributes}><head><style>${css}</style><style>${siteCss}</style></head><body>${form}</body></html>`;

describe("themeable without a CSS framework", () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	async function styles(html: string, colorScheme: "light" | "dark" = "light") {
		const tab = await browser.newPage({ colorScheme });
		await tab.setContent(html);
		const read = (selector: string, property: string) =>
			tab.locator(selector).first().evaluate((element, p) => getComputedStyle(element).getPropertyValue(p), property);
		const result = { button: await read(".gh-button-primary", "background-color"), surface: await read(".gh-card", "background-color") };
		await tab.close();
		return result;
	}

	it("has its own accessible palette on a plain page", async () => {
		expect(await styles(page())).toEqual({ button: "rgb(29, 95, 168)", surface: "rgb(255, 255, 255)" });
	});

	it("follows Docusaurus' Infima variables when the site has them", async () => {
		const infima = ":root { --ifm-color-primary: #2e8555; --ifm-background-surface-color: #fafafa; }";
		expect(await styles(page(infima))).toEqual({ button: "rgb(46, 133, 85)", surface: "rgb(250, 250, 250)" });
	});

	it("goes dark with the system when the site sets no theme, and with [data-theme=dark]", async () => {
		expect((await styles(page(), "dark")).surface).toBe("rgb(36, 37, 38)");
		expect((await styles(page("", 'data-theme="dark"'))).surface).toBe("rgb(36, 37, 38)");
		// A site that chose light keeps light, whatever the system says.
		expect((await styles(page("", 'data-theme="light"'), "dark")).surface).toBe("rgb(255, 255, 255)");
	});

	it("lets a site override a part with an ordinary rule, or a variable", async () => {
		expect((await styles(page(".gh-button-primary { background: rgb(1, 2, 3) }"))).button).toBe("rgb(1, 2, 3)");
		expect((await styles(page(".gh-root { --gh-primary: rgb(4, 5, 6) }"))).button).toBe("rgb(4, 5, 6)");
	});
});

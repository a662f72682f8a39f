import { mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { type Server, createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, freePort, startTestServer } from "../server/test/support/test-server.js";
import { collectPageErrors, launchChromium } from "./support/browser.js";
import { type StaticSite, buildExampleSite, serveStaticSite } from "./support/docusaurus-site.js";

/**
 * The example Docusaurus site as its authors deploy it: `docusaurus build` (the dev server does
 * no server rendering and no hydration, so it hides exactly the bugs that matter), served as
 * static files, in Chromium, against the real reference server. Each configuration is built once.
 */

const PROTECTED_PATH = "/docs/members-only";
const PROTECTED_TEXT = "Thanks for signing in.";
const PASSWORD = "correct horse battery";
/** React's production hydration errors (#418 text, #419 suspense, #423 recoverable, #425 text content). */
const HYDRATION_ERROR = /Minified React error #(418|419|423|425)|hydrat/i;

interface Deployment {
	sessionMode: "cookie" | "token";
	/** The auth server's host: `localhost` is the same site as the page, `127.0.0.1` another. */
	authHost: "localhost" | "127.0.0.1";
	basePath: string;
}

interface Running {
	outDir: string;
	site: StaticSite;
	auth: TestServer;
	buildOutput: string;
}

/** Builds the site for a deployment, serves it, and starts the auth server that trusts it. */
async function deploy({ sessionMode, authHost, basePath }: Deployment): Promise<Running> {
	const authPort = await freePort();
	const authUrl = `http://${authHost}:${authPort}`;
	const outDir = mkdtempSync(join(tmpdir(), "gatehouse-docusaurus-"));
	const build = await buildExampleSite(outDir, {
		GATEHOUSE_AUTH_URL: authUrl,
		GATEHOUSE_SESSION_MODE: sessionMode,
		SITE_BASE_URL: basePath,
	});
	if (build.code !== 0) throw new Error(`docusaurus build failed (${build.code}):\n${build.output}`);
	const site = await serveStaticSite(outDir, basePath);
	const auth = await startTestServer("embedded", {
		PORT: String(authPort),
		BETTER_AUTH_URL: authUrl,
		TRUSTED_ORIGINS: site.origin,
	});
	return { outDir, site, auth, buildOutput: build.output };
}

async function undeploy(running: Running | undefined) {
	await running?.site.close();
	await running?.auth.close();
	if (running) rmSync(running.outDir, { recursive: true, force: true });
}

/** Waits until the page is hydrated and knows the session: the navbar's user item has rendered. */
async function settled(page: Page) {
	await page.locator(".navbar .gh-user > *").first().waitFor();
}

/**
 * The reader's round trip: sign up from the MDX page → the navbar shows them → the protected doc
 * shows its content → sign out → the doc sends them to sign in → sign in → back on the doc.
 * `whileSignedIn` adds the checks particular to a deployment, on the protected doc.
 */
async function roundTrip(
	browser: Browser,
	r: Running,
	deployment: Deployment,
	whileSignedIn: (context: BrowserContext, page: Page) => Promise<void>,
) {
	const context = await browser.newContext();
	const errors = collectPageErrors(context);
	const page = await context.newPage();
	const at = (path: string) => `${r.site.url}${path}`;
	const email = `ada-${deployment.sessionMode}@example.com`;

	await page.goto(at("/sign-up"));
	await settled(page);
	await page.getByLabel("Name").fill("Ada Lovelace");
	await page.getByLabel("Email").fill(email);
	await page.getByLabel("Password").fill(PASSWORD);
	await page.getByLabel(/Your software background/).fill("Analytical Engine programs");
	await page.getByRole("button", { name: "Sign up" }).click();

	const account = page.getByRole("button", { name: "Account: Ada Lovelace" });
	await account.waitFor();
	await page.goto(at(PROTECTED_PATH));
	await page.getByText(PROTECTED_TEXT).waitFor();
	await account.waitFor();
	await whileSignedIn(context, page);

	await account.click();
	await page.locator(".navbar").getByRole("button", { name: "Sign out" }).click();
	const protectedPathname = `${deployment.basePath.replace(/\/$/, "")}${PROTECTED_PATH}`;
	await page.waitForURL(at(`/sign-in?redirectTo=${encodeURIComponent(protectedPathname)}`));
	expect(await page.getByText(PROTECTED_TEXT).count()).toBe(0);

	await page.getByLabel("Email").fill(email);
	await page.getByLabel("Password").fill(PASSWORD);
	await page.getByRole("button", { name: "Sign in" }).click();
	await page.waitForURL(at(PROTECTED_PATH));
	await page.getByText(PROTECTED_TEXT).waitFor();

	await context.close();
	expect(errors).toEqual([]);
}

describe("the Docusaurus example site, built, in Chromium, against the reference server", () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it("has one copy of React: the site, the plugin, the kit and Docusaurus all resolve the same one", () => {
		const root = fileURLToPath(new URL("..", import.meta.url));
		const from = ["examples/docusaurus", "packages/docusaurus", "packages/react", "node_modules/@docusaurus/core", "node_modules/@docusaurus/theme-classic"];
		const copies = new Set(
			from.flatMap((dir) => {
				const require = createRequire(join(root, dir, "package.json"));
				return ["react/package.json", "react-dom/package.json"].map((name) => realpathSync(require.resolve(name)));
			}),
		);
		expect([...copies].map((file) => file.slice(root.length))).toEqual(["node_modules/react/package.json", "node_modules/react-dom/package.json"]);
	});

	it("stops the build with a clear message when authUrl is missing", async () => {
		const outDir = mkdtempSync(join(tmpdir(), "gatehouse-docusaurus-"));
		try {
			const build = await buildExampleSite(outDir, { GATEHOUSE_AUTH_URL: "" });
			expect(build.code).not.toBe(0);
			expect(build.output).toContain('@gatehouse/docusaurus needs the option "authUrl"');
		} finally {
			rmSync(outDir, { recursive: true, force: true });
		}
	});

	describe("same site, cookie mode (site on localhost, auth server on another localhost port)", () => {
		const deployment: Deployment = { sessionMode: "cookie", authHost: "localhost", basePath: "/" };
		let r: Running;
		beforeAll(async () => {
			r = await deploy(deployment);
		});
		afterAll(() => undeploy(r));

		it("builds without warnings about protected pages, and the static sign-in page holds the real form", async () => {
			expect(r.buildOutput).not.toContain("[gatehouse]");
			const context = await browser.newContext({ javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto(`${r.site.url}/sign-in`);
			const form = page.locator("main form");
			expect(await form.locator("input[type=email]").count()).toBe(1);
			expect(await form.locator("input[type=password]").count()).toBe(1);
			expect(await form.getByRole("button", { name: "Sign in" }).count()).toBe(1);
			await context.close();
		});

		it("marks the protected page noindex, keeps it out of sitemap.xml, and publishes only its front-matter description", () => {
			const html = readFileSync(join(r.outDir, "docs/members-only/index.html"), "utf8");
			expect(html).toMatch(/<meta[^>]*name="?robots"?[^>]*content="noindex, nofollow"/);
			expect(html).toMatch(/<meta[^>]*name="?description"?[^>]*content="A page for signed-in readers\."/);
			expect(html).not.toContain(PROTECTED_TEXT);
			const sitemap = readFileSync(join(r.outDir, "sitemap.xml"), "utf8");
			expect(sitemap).toContain("/docs/intro</loc>");
			expect(sitemap).not.toContain("members-only");
			// Pages that are not protected stay indexable.
			expect(readFileSync(join(r.outDir, "docs/intro/index.html"), "utf8")).not.toMatch(/name="?robots"?/);
		});

		// The site's own primary colour (src/css/custom.css), which the kit's buttons follow.
		const SITE_PRIMARY = { light: "rgb(46, 133, 85)", dark: "rgb(37, 194, 160)" };

		it.each(["light", "dark"] as const)("hydrates every page without a console error in %s mode, in the site's colours", async (colorScheme) => {
			const context = await browser.newContext({ colorScheme });
			const errors = collectPageErrors(context);
			const page = await context.newPage();
			for (const path of ["/", "/sign-in", "/sign-up", "/forgot-password", "/reset-password", PROTECTED_PATH]) {
				await page.goto(`${r.site.url}${path}`);
				await settled(page);
				expect(await page.locator("html").getAttribute("data-theme"), path).toBe(colorScheme);
			}
			const submit = page.locator("main .gh-button-primary");
			expect(await submit.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(SITE_PRIMARY[colorScheme]);
			// Signed out, the protected doc went on to the sign-in page.
			await page.getByRole("button", { name: "Sign in" }).waitFor();
			await context.close();
			expect(errors.filter((e) => HYDRATION_ERROR.test(e)), "hydration errors").toEqual([]);
			expect(errors).toEqual([]);
		});

		it("signs up from the MDX page, shows the reader in the navbar and the protected doc, signs out and back in", async () => {
			await roundTrip(browser, r, deployment, async (context, page) => {
				// Cookie mode: an HttpOnly cookie on the auth server, nothing in the page's storage.
				const cookies = await context.cookies(r.auth.baseURL);
				expect(cookies.map((c) => [c.name, c.httpOnly])).toContainEqual(["better-auth.session_token", true]);
				expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("gatehouse")))).toEqual([]);
			});
		});
	});

	describe("cross-site, token mode (site on localhost under /gatehouse/, auth server on 127.0.0.1, third-party cookies blocked)", () => {
		const deployment: Deployment = { sessionMode: "token", authHost: "127.0.0.1", basePath: "/gatehouse/" };
		let r: Running;
		let blockingBrowser: Browser;
		let probe: Server;
		beforeAll(async () => {
			// Chrome's own switch for its third-party-cookie phase-out: cross-site cookies are refused.
			[r, blockingBrowser] = await Promise.all([deploy(deployment), launchChromium({ args: ["--test-third-party-cookie-phaseout"] })]);
			probe = createServer((req, res) => {
				res.setHeader("access-control-allow-origin", req.headers.origin ?? "*");
				res.setHeader("access-control-allow-credentials", "true");
				if (req.url === "/set") res.setHeader("set-cookie", "probe=1; Path=/; SameSite=None; Secure");
				res.end(JSON.stringify({ cookie: req.headers.cookie ?? null }));
			});
			await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
		});
		afterAll(async () => {
			probe?.close();
			await blockingBrowser?.close();
			await undeploy(r);
		});

		it("really blocks third-party cookies in this browser", async () => {
			const context = await blockingBrowser.newContext();
			const page = await context.newPage();
			await page.goto(`${r.site.url}/`);
			const probeUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
			const echoed = await page.evaluate(async (url) => {
				await fetch(`${url}/set`, { credentials: "include" });
				return (await (await fetch(`${url}/get`, { credentials: "include" })).json()).cookie;
			}, probeUrl);
			expect(echoed).toBeNull();
			await context.close();
		});

		it("signs up, shows the reader and the protected doc, signs out and back in, with the session token as a Bearer header", async () => {
			await roundTrip(blockingBrowser, r, deployment, async (context, page) => {
				expect(await context.cookies(r.auth.baseURL)).toEqual([]);
				const stored = await page.evaluate((key) => localStorage.getItem(key), `gatehouse.session-token:${r.auth.baseURL}`);
				expect(stored).toMatch(/^[^.]+\.[^.]+$/);
				const sessionRequest = page.waitForRequest((request) => request.url().endsWith("/api/auth/get-session"));
				await page.reload();
				expect((await sessionRequest).headers().authorization).toBe(`Bearer ${stored}`);
				await page.getByText(PROTECTED_TEXT).waitFor();
			});
		});
	});
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeLeakingPages, protectedPagesWithoutDescription, usesProtectedRoute } from "../src/protected-pages.js";

describe("usesProtectedRoute", () => {
	it("finds the component in MDX", () => {
		expect(usesProtectedRoute("# Title\n\n<ProtectedRoute>\n\nsecret\n\n</ProtectedRoute>\n")).toBe(true);
		expect(usesProtectedRoute('<ProtectedRoute signedOut="redirect">x</ProtectedRoute>')).toBe(true);
		expect(usesProtectedRoute("<ProtectedRoute/>")).toBe(true);
	});

	it("ignores it in code blocks, code spans and comments, and other components with a longer name", () => {
		expect(usesProtectedRoute("```mdx\n<ProtectedRoute>x</ProtectedRoute>\n```\n")).toBe(false);
		expect(usesProtectedRoute("~~~\n<ProtectedRoute>\n~~~\n")).toBe(false);
		expect(usesProtectedRoute("Wrap it in `<ProtectedRoute>`.")).toBe(false);
		expect(usesProtectedRoute("{/* <ProtectedRoute> */}\n<!-- <ProtectedRoute> -->")).toBe(false);
		expect(usesProtectedRoute("<ProtectedRouteLink />")).toBe(false);
	});
});

describe("protectedPagesWithoutDescription", () => {
	let siteDir: string;
	beforeEach(() => {
		siteDir = mkdtempSync(join(tmpdir(), "gatehouse-site-"));
		mkdirSync(join(siteDir, "docs"));
		mkdirSync(join(siteDir, "src/pages"), { recursive: true });
		mkdirSync(join(siteDir, "blog"));
		writeFileSync(join(siteDir, "docs/leaky.mdx"), "---\ntitle: Leaky\n---\n\n<ProtectedRoute>\n\nsecret\n\n</ProtectedRoute>\n");
		writeFileSync(join(siteDir, "docs/safe.mdx"), "---\ndescription: For members.\n---\n\n<ProtectedRoute>secret</ProtectedRoute>\n");
		writeFileSync(join(siteDir, "docs/public.md"), "# Public\n\nNothing to hide.\n");
		writeFileSync(join(siteDir, "src/pages/members.mdx"), "<ProtectedRoute>secret</ProtectedRoute>\n");
		writeFileSync(join(siteDir, "blog/post.mdx"), "<ProtectedRoute>secret</ProtectedRoute>\n");
	});
	afterEach(() => rmSync(siteDir, { recursive: true, force: true }));

	// The shapes the docs, pages and blog plugins of Docusaurus 3 give to allContentLoaded.
	const doc = (name: string, frontMatter: Record<string, unknown> = {}) => ({
		id: name,
		source: `@site/docs/${name}`,
		permalink: `/docs/${name.replace(/\.mdx?$/, "")}`,
		frontMatter,
		description: "derived from the first paragraph",
	});
	const allContent = () => ({
		"docusaurus-plugin-content-docs": {
			default: {
				loadedVersions: [
					{ versionName: "current", docs: [doc("leaky.mdx", { title: "Leaky" }), doc("safe.mdx", { description: "For members." }), doc("public.md")] },
				],
			},
		},
		"docusaurus-plugin-content-pages": {
			default: [
				{ type: "mdx", source: "@site/src/pages/members.mdx", permalink: "/members", frontMatter: {} },
				{ type: "jsx", source: "@site/src/pages/index.tsx", permalink: "/" },
			],
		},
		"docusaurus-plugin-content-blog": {
			default: { blogPosts: [{ id: "post", metadata: { source: "@site/blog/post.mdx", permalink: "/blog/post", frontMatter: { description: " " } } }] },
		},
	});

	it("lists the protected pages that would publish their first paragraph, in docs, pages and blog posts", async () => {
		const pages = await protectedPagesWithoutDescription(allContent(), siteDir);
		expect(pages.map((page) => page.permalink).sort()).toEqual(["/blog/post", "/docs/leaky", "/members"]);
		const message = describeLeakingPages(pages, siteDir);
		expect(message).toContain("These 3 pages use <ProtectedRoute> but have no front-matter `description`");
		expect(message).toContain("- docs/leaky.mdx (/docs/leaky)");
		expect(message).toContain("Add `description: <a sentence anyone may read>` to the front matter.");
	});
});

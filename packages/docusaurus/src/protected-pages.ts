import { readFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";

/** A Markdown or MDX page some content plugin loaded (a doc, a blog post, an MDX page). */
export interface ContentPage {
	/** As the content plugin gives it, e.g. `@site/docs/members.mdx`. */
	source: string;
	permalink: string;
	frontMatter: Record<string, unknown>;
}

/**
 * Every Markdown/MDX page in the content of every plugin. Docs, blog and pages plugins each shape
 * their content differently, but every page carries `source`, `permalink` and `frontMatter`; a
 * walk finds them without depending on any one plugin's layout.
 */
export function findContentPages(allContent: unknown): ContentPage[] {
	const pages = new Map<string, ContentPage>();
	const seen = new Set<object>();
	const walk = (value: unknown, depth: number) => {
		if (typeof value !== "object" || value === null || seen.has(value) || depth > 10) return;
		seen.add(value);
		const item = value as Record<string, unknown>;
		if (
			typeof item.source === "string" &&
			/\.mdx?$/.test(item.source) &&
			typeof item.permalink === "string" &&
			typeof item.frontMatter === "object" &&
			item.frontMatter !== null
		) {
			const page = { source: item.source, permalink: item.permalink, frontMatter: item.frontMatter as Record<string, unknown> };
			pages.set(`${page.source}\n${page.permalink}`, page);
		}
		for (const child of Array.isArray(value) ? value : Object.values(item)) walk(child, depth + 1);
	};
	walk(allContent, 0);
	return [...pages.values()];
}

/** Whether a page's Markdown uses `<ProtectedRoute>` (not counting code blocks, code spans and comments). */
export function usesProtectedRoute(markdown: string): boolean {
	const prose = markdown
		.replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\2[^\S\n]*$/gm, "")
		.replace(/`[^`\n]*`/g, "")
		.replace(/<!--[\s\S]*?-->/g, "")
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, "");
	return /<ProtectedRoute[\s/>]/.test(prose);
}

export function sourcePath(source: string, siteDir: string): string {
	if (source.startsWith("@site/")) return join(siteDir, source.slice("@site/".length));
	return isAbsolute(source) ? source : resolve(siteDir, source);
}

/** Protected pages whose front matter has no `description`: Docusaurus would publish their first paragraph. */
export async function protectedPagesWithoutDescription(allContent: unknown, siteDir: string): Promise<ContentPage[]> {
	const candidates = findContentPages(allContent).filter((page) => typeof page.frontMatter.description !== "string" || !page.frontMatter.description.trim());
	const checked = await Promise.all(
		candidates.map(async (page) => {
			const markdown = await readFile(sourcePath(page.source, siteDir), "utf8").catch(() => "");
			return usesProtectedRoute(markdown) ? page : undefined;
		}),
	);
	return checked.filter((page) => page !== undefined);
}

export function describeLeakingPages(pages: ContentPage[], siteDir: string): string {
	const list = pages.map((page) => `- ${relative(siteDir, sourcePath(page.source, siteDir))} (${page.permalink})`).join("\n");
	return (
		`[gatehouse] ${pages.length === 1 ? "This page uses" : `These ${pages.length} pages use`} <ProtectedRoute> but ${pages.length === 1 ? "has" : "have"} no front-matter \`description\`, ` +
		`so Docusaurus copies the first paragraph into <meta name="description"> of the public HTML:\n${list}\n` +
		"Add `description: <a sentence anyone may read>` to the front matter. (Set the plugin's onProtectedPageWithoutDescription to change this check.)"
	);
}

import Head from "@docusaurus/Head";
import { ProtectedRoute as KitProtectedRoute, type ProtectedRouteProps } from "@gatehouse/react";

/**
 * The kit's `ProtectedRoute`, plus `<meta name="robots" content="noindex">` in the page's static
 * HTML: search engines leave the page alone, and Docusaurus' sitemap plugin drops noindex pages
 * from sitemap.xml. Still not access control: the content is in the site's public JavaScript.
 */
export function ProtectedRoute(props: ProtectedRouteProps) {
	return (
		<>
			<Head>
				<meta name="robots" content="noindex, nofollow" />
			</Head>
			<KitProtectedRoute {...props} />
		</>
	);
}

import Link from "@docusaurus/Link";
import useDocusaurusContext from "@docusaurus/useDocusaurusContext";
import { SignedIn, SignedOut, useSession } from "@gatehouse/react";
import Layout from "@theme/Layout";

function Greeting() {
	const { user } = useSession();
	return <p>Welcome back, {user?.name || user?.email}.</p>;
}

export default function Home() {
	const { siteConfig } = useDocusaurusContext();
	return (
		<Layout title="Home" description="An example Docusaurus site whose readers sign in with Gatehouse.">
			<main className="container margin-vert--xl">
				<h1>{siteConfig.title}</h1>
				<p>{siteConfig.tagline}: one plugin line in docusaurus.config, then sign-in forms and members-only pages in MDX.</p>
				<SignedOut>
					<p>
						<Link className="button button--primary margin-right--sm" to="/sign-up">
							Create an account
						</Link>
						<Link className="button button--secondary" to="/sign-in">
							Sign in
						</Link>
					</p>
				</SignedOut>
				<SignedIn>
					<Greeting />
					<p>
						<Link className="button button--primary" to="/docs/members-only">
							Read the members-only page
						</Link>
					</p>
				</SignedIn>
				<p>
					<Link to="/docs/intro">How this site is put together</Link>
				</p>
			</main>
		</Layout>
	);
}

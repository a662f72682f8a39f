import { useAuthToken, useProfile, useSession } from "@gatehouse/react";

/** What the API sees: the profile from /api/profile and the claims of the JWT for other APIs. */
export function ProtectedPanel() {
	const { user } = useSession();
	const { profile } = useProfile();
	const { token } = useAuthToken();
	const claims = token ? decode(token) : undefined;
	return (
		<section className="panel" aria-labelledby="panel-title">
			<h1 id="panel-title">Hello, {user?.name || user?.email}</h1>
			<p>Only signed-in visitors see this panel. Your data comes from the auth server's API.</p>
			<h2>Your profile</h2>
			<dl className="profile" data-testid="profile">
				<dt>Software background</dt>
				<dd>{profile ? profile.softwareBackground || "—" : "…"}</dd>
				<dt>Hardware background</dt>
				<dd>{profile ? profile.hardwareBackground || "—" : "…"}</dd>
			</dl>
			<h2>Your JWT, decoded</h2>
			<p>
				Send it as <code>Authorization: Bearer …</code> to any API; it verifies against <code>/api/auth/jwks</code> (RS256).
			</p>
			<pre className="claims" data-testid="claims">
				{claims ? JSON.stringify(claims, null, 2) : "…"}
			</pre>
		</section>
	);
}

function decode(token: string): Record<string, unknown> | undefined {
	try {
		const json = atob(token.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"));
		return JSON.parse(decodeURIComponent(escape(json)));
	} catch {
		return undefined;
	}
}

import {
	AuthProvider,
	ForgotPassword,
	ProtectedRoute,
	ResetPassword,
	SignIn,
	SignUp,
	SignedIn,
	SignedOut,
	UserButton,
} from "@gatehouse/react";
import { ProtectedPanel } from "./ProtectedPanel.js";
import { LANGUAGES, useLocale, useTheme } from "./preferences.js";
import { navigate, usePathname } from "./router.js";

// The demo is served by the auth server itself, so the API is on this page's origin.
const AUTH_URL = import.meta.env.VITE_AUTH_URL ?? window.location.origin;

const PAGES = ["/sign-in", "/sign-up", "/forgot-password", "/reset-password", "/protected"];

export function App() {
	const { code, setCode, locale } = useLocale();
	const { theme, toggle } = useTheme();
	const path = usePathname();
	const link = (to: string) => ({
		href: to,
		onClick: (event: React.MouseEvent) => {
			event.preventDefault();
			navigate(to);
		},
	});
	return (
		<AuthProvider baseURL={AUTH_URL} navigate={navigate} locale={locale} afterSignInPath="/protected">
			<header className="bar">
				<a className="brand" {...link("/")}>
					Gatehouse demo
				</a>
				<nav aria-label="Main">
					<a {...link("/protected")} aria-current={path === "/protected" ? "page" : undefined}>
						Protected panel
					</a>
				</nav>
				<label className="control">
					<span>Language</span>
					<select value={code} onChange={(event) => setCode(event.target.value)}>
						{LANGUAGES.map(([value, name]) => (
							<option key={value} value={value}>
								{name}
							</option>
						))}
					</select>
				</label>
				<button type="button" className="control" onClick={toggle} aria-pressed={theme === "dark"}>
					Dark mode
				</button>
				<UserButton />
			</header>
			<main>
				{path === "/sign-in" && <SignIn />}
				{path === "/sign-up" && <SignUp />}
				{path === "/forgot-password" && <ForgotPassword />}
				{path === "/reset-password" && <ResetPassword />}
				{path === "/protected" && (
					<ProtectedRoute signedOut="redirect">
						<ProtectedPanel />
					</ProtectedRoute>
				)}
				{!PAGES.includes(path) && (
					<section className="panel">
						<h1>Sign-in for documentation sites</h1>
						<p>
							This page is built with <code>@gatehouse/react</code> and served by the reference server, on its embedded Postgres.
							Without <code>SMTP_URL</code>, password reset and verification mail lands in the <a href="/dev/outbox">development outbox</a>.
						</p>
						<SignedOut>
							<p className="actions">
								<a className="gh-button gh-button-primary" {...link("/sign-up")}>
									Create an account
								</a>
								<a className="gh-button" {...link("/sign-in")}>
									Sign in
								</a>
							</p>
						</SignedOut>
						<SignedIn>
							<p className="actions">
								<a className="gh-button gh-button-primary" {...link("/protected")}>
									Open the protected panel
								</a>
							</p>
						</SignedIn>
					</section>
				)}
			</main>
		</AuthProvider>
	);
}

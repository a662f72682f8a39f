import { useHistory } from "@docusaurus/router";
import { useBaseUrlUtils } from "@docusaurus/useBaseUrl";
import useDocusaurusContext from "@docusaurus/useDocusaurusContext";
import useGlobalData from "@docusaurus/useGlobalData";
import { AuthProvider, type AuthProviderProps } from "@gatehouse/react";
import { type ReactNode, useCallback } from "react";
import { type GatehouseGlobalData, PLUGIN_NAME } from "../global-data.js";
import { kitLocaleFor } from "./kit-locale.js";

export interface AuthRootProps extends Partial<Omit<AuthProviderProps, "children">> {
	children?: ReactNode;
}

/**
 * The kit's `AuthProvider`, configured from the plugin's options and the site: page changes go
 * through Docusaurus' router, the paths of the auth pages through its `baseUrl`, the strings follow
 * its current locale. The plugin's theme `Root` renders it; a site with its own
 * `src/theme/Root` renders it there instead. Props override the plugin's options.
 */
export function AuthRoot({ children, ...overrides }: AuthRootProps) {
	// One instance is expected; whatever its `id`, take it.
	const options = Object.values(useGlobalData()[PLUGIN_NAME] ?? {})[0] as GatehouseGlobalData | undefined;
	const { i18n } = useDocusaurusContext();
	const { withBaseUrl } = useBaseUrlUtils();
	const history = useHistory();
	const navigate = useCallback((to: string) => history.push(to), [history]);
	const baseURL = overrides.baseURL ?? options?.authUrl;
	if (!baseURL) {
		throw new Error(
			'[gatehouse] <AuthRoot> has no auth server: add ["@gatehouse/docusaurus", { authUrl: "https://auth.example.com" }] to `plugins` in docusaurus.config, or pass baseURL.',
		);
	}
	return (
		<AuthProvider
			baseURL={baseURL}
			navigate={navigate}
			locale={kitLocaleFor(i18n.currentLocale)}
			sessionMode={options?.sessionMode}
			signInPath={withBaseUrl(options?.signInPath ?? "/sign-in")}
			signUpPath={withBaseUrl(options?.signUpPath ?? "/sign-up")}
			afterSignInPath={withBaseUrl(options?.afterSignInPath ?? "/")}
			forgotPasswordPath={withBaseUrl(options?.forgotPasswordPath ?? "/forgot-password")}
			resetPasswordPath={withBaseUrl(options?.resetPasswordPath ?? "/reset-password")}
			{...overrides}
		>
			{children}
		</AuthProvider>
	);
}

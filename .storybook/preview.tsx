import "@gatehouse/react/styles.css";
import "./docusaurus-palette.css";
import "./preview.css";
import { AuthProvider } from "@gatehouse/react";
import { Controls, Description, Primary, Subtitle, Title } from "@storybook/addon-docs/blocks";
import type { Decorator, Preview } from "@storybook/react-vite";
import { mswLoader } from "msw-storybook-addon/csf3";
import { AUTH_URL, createFakeAuthApi } from "../packages/react/test/support/fake-auth-api.js";
import { localeFor } from "../stories/support/locales.js";
import { navigate } from "../stories/support/navigate.js";

/**
 * Puts the toolbar's choices where a Docusaurus site puts them (`data-theme`, `dir` and `lang`
 * on `<html>`), then renders the story inside a real AuthProvider talking to the mocked API.
 * Keyed by story, so every story starts with a fresh session cache.
 */
const withGatehousePage: Decorator = (Story, { globals, id }) => {
	const locale = localeFor(globals.locale);
	const html = document.documentElement;
	html.dataset.theme = globals.theme === "dark" ? "dark" : "light";
	html.dataset.palette = globals.palette === "docusaurus" ? "docusaurus" : "plain";
	html.lang = locale.code;
	html.dir = locale.dir;
	return (
		<AuthProvider key={id} baseURL={AUTH_URL} locale={locale} navigate={navigate}>
			<Story />
		</AuthProvider>
	);
};

const preview: Preview = {
	tags: ["autodocs"],
	globalTypes: {
		theme: {
			description: "Light or dark, as Docusaurus' data-theme on <html>",
			toolbar: {
				title: "Theme",
				icon: "contrast",
				items: [
					{ value: "light", title: "Light", icon: "sun" },
					{ value: "dark", title: "Dark", icon: "moon" },
				],
				dynamicTitle: true,
			},
		},
		locale: {
			description: "The kit's locale (Urdu is right-to-left)",
			toolbar: {
				title: "Locale",
				icon: "globe",
				items: [
					{ value: "en", title: "English", right: "ltr" },
					{ value: "es", title: "Español", right: "ltr" },
					{ value: "fr", title: "Français", right: "ltr" },
					{ value: "ur", title: "اردو (Urdu)", right: "rtl" },
				],
				dynamicTitle: true,
			},
		},
		palette: {
			description: "The kit's own colors, or a Docusaurus site's Infima variables",
			toolbar: {
				title: "Palette",
				icon: "paintbrush",
				items: [
					{ value: "plain", title: "Plain (the kit's defaults)" },
					{ value: "docusaurus", title: "Docusaurus (Infima, classic template)" },
				],
				dynamicTitle: true,
			},
		},
	},
	initialGlobals: { theme: "light", locale: "en", palette: "plain" },
	decorators: [withGatehousePage],
	// The loader starts MSW's worker; beforeEach (which runs after loaders) gives each story a fresh
	// fake auth server, described by its `parameters.authApi`.
	loaders: [mswLoader()],
	beforeEach({ msw, parameters }) {
		navigate.mockClear();
		msw.use(...createFakeAuthApi(parameters.authApi).handlers);
	},
	parameters: {
		layout: "padded",
		// Any axe violation fails the story's test.
		a11y: { test: "error" },
		controls: { matchers: { color: /(background|color)$/i } },
		docs: {
			// In its own iframe: MSW's handlers belong to a page, and the story needs its own fake server.
			story: { inline: false, iframeHeight: 460 },
			// Only the first story: the others' play functions type and move focus, and in iframes on
			// one docs page each of them would scroll the page to itself.
			page: () => (
				<>
					<Title />
					<Subtitle />
					<Description />
					<Primary />
					<Controls />
					<p>Every state of this component, with its interactions, is a story of its own in the sidebar.</p>
				</>
			),
		},
	},
};

export default preview;

import { type Locale, en } from "@gatehouse/react";
import { useEffect, useState } from "react";

// Each locale is its own import, so the languages nobody picks are never downloaded.
const LOCALES: Record<string, () => Promise<Locale>> = {
	en: async () => en,
	es: async () => (await import("@gatehouse/react/locales/es")).es,
	fr: async () => (await import("@gatehouse/react/locales/fr")).fr,
	ur: async () => (await import("@gatehouse/react/locales/ur")).ur,
};
export const LANGUAGES = [
	["en", "English"],
	["es", "Español"],
	["fr", "Français"],
	["ur", "اردو"],
] as const;

export function useLocale() {
	const [code, setCode] = useState(() => localStorage.getItem("demo-locale") ?? "en");
	const [locale, setLocale] = useState<Locale>(en);
	useEffect(() => {
		localStorage.setItem("demo-locale", code);
		let current = true;
		void (LOCALES[code] ?? LOCALES.en!)().then((loaded) => {
			if (!current) return;
			setLocale(loaded);
			document.documentElement.lang = loaded.code;
			document.documentElement.dir = loaded.dir;
		});
		return () => {
			current = false;
		};
	}, [code]);
	return { code, setCode, locale };
}

export function useTheme() {
	const [theme, setTheme] = useState<"light" | "dark">(() =>
		(localStorage.getItem("demo-theme") as "light" | "dark" | null) ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"),
	);
	useEffect(() => {
		localStorage.setItem("demo-theme", theme);
		document.documentElement.dataset.theme = theme;
	}, [theme]);
	return { theme, toggle: () => setTheme((t) => (t === "dark" ? "light" : "dark")) };
}

import { type Locale, en } from "@gatehouse/react";
import { es } from "@gatehouse/react/locales/es";
import { fr } from "@gatehouse/react/locales/fr";
import { ur } from "@gatehouse/react/locales/ur";

const KIT_LOCALES: Record<string, Locale> = { en, es, fr, ur };

/** The kit's strings for the site's current Docusaurus locale (`fr-CA` → French), else English. */
export function kitLocaleFor(siteLocale: string): Locale {
	return KIT_LOCALES[siteLocale] ?? KIT_LOCALES[siteLocale.split("-")[0]!.toLowerCase()] ?? en;
}

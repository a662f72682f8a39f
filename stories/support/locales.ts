import { type Locale, en } from "@gatehouse/react";
import { es } from "@gatehouse/react/locales/es";
import { fr } from "@gatehouse/react/locales/fr";
import { ur } from "@gatehouse/react/locales/ur";

const locales: Record<string, Locale> = { en, es, fr, ur };

/** The locale the toolbar's `locale` global names (English when unknown). */
export const localeFor = (code: unknown): Locale => locales[code as string] ?? en;

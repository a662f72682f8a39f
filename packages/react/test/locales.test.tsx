import { screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { SignIn, en } from "../src/index.js";
import type { Labels, Locale } from "../src/labels.js";
import { es } from "../src/locales/es.js";
import { fr } from "../src/locales/fr.js";
import { ur } from "../src/locales/ur.js";
import { createFakeAuthApi } from "./support/fake-auth-api.js";
import { renderWithAuth } from "./support/render.js";
import { server } from "./setup.js";

beforeEach(() => server.use(...createFakeAuthApi().handlers));

const shape = (labels: Labels): string[] =>
	Object.entries(labels).flatMap(([key, value]) =>
		typeof value === "object" ? Object.keys(value).map((inner) => `${key}.${inner}`) : [`${key}:${typeof value}`],
	);

describe.each([es, fr, ur])("the $code locale", (locale: Locale) => {
	it("translates every string English has, with the same parameters", () => {
		expect(shape(locale.labels).sort()).toEqual(shape(en.labels).sort());
		for (const [key, value] of Object.entries(locale.labels.errors)) {
			const english = en.labels.errors[key as keyof Labels["errors"]];
			if (typeof value === "function") expect(value.length, key).toBe(english.length);
		}
		expect(locale.labels.signIn).not.toBe(en.labels.signIn);
		expect(locale.labels.errors.rateLimited(42)).toContain("42");
	});
});

describe("localized rendering", () => {
	it("renders Urdu right to left, with its labels", () => {
		renderWithAuth(<SignIn />, { locale: ur });
		expect(screen.getByRole("heading").closest("section")?.getAttribute("dir")).toBe("rtl");
		expect(screen.getByLabelText("ای میل")).toBeTruthy();
		expect(screen.getByRole("button", { name: "سائن اِن" })).toBeTruthy();
	});

	it("lets any label be replaced, including messages", () => {
		renderWithAuth(<SignIn />, { locale: es, labels: { signIn: "Entrar", errors: { invalidEmail: "¡Correo raro!" } } });
		expect(screen.getByRole("button", { name: "Entrar" })).toBeTruthy();
		expect(screen.getByLabelText("Contraseña")).toBeTruthy();
	});
});

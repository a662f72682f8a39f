import type { FakeAuthApiOptions, FakeUser } from "../../packages/react/test/support/fake-auth-api.js";

export { AUTH_URL, type Trouble } from "../../packages/react/test/support/fake-auth-api.js";

declare module "storybook/internal/csf" {
	interface Parameters {
		/** The fake auth server this story talks to (accounts, session, misbehaving endpoints). */
		authApi?: FakeAuthApiOptions;
	}
}

type Person = Omit<FakeUser, "id">;

// An avatar drawn inline: stories make no request that MSW does not answer.
const avatar = `data:image/svg+xml,${encodeURIComponent(
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#7c4dff"/><circle cx="32" cy="25" r="12" fill="#f3e5f5"/><path d="M10 60c2-14 12-21 22-21s20 7 22 21z" fill="#f3e5f5"/></svg>',
)}`;

export const ada: Person = { name: "Ada Lovelace", email: "ada@example.com", password: "analytical-engine" };
export const longName: Person = {
	name: "Maria Anna Sophia Carolina Theresia von Hohenberg-Wittelsbach",
	email: "maria.anna.sophia.von.hohenberg-wittelsbach@example.com",
	password: "long-name-password",
};
export const noName: Person = { name: "", email: "grace.hopper@example.com", password: "compiler-1952" };
export const withAvatar: Person = { name: "Katherine Johnson", email: "katherine@example.com", password: "orbital-1962", image: avatar };

/** `parameters.authApi` for a visitor who is already signed in as `person`. */
export const signedInAs = (person: Person): FakeAuthApiOptions => ({ users: [person], signedInAs: person.email });

import { AuthProvider, ProtectedRoute, SignInDialog, SignedOut, UserButton, en } from "@gatehouse/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { AUTH_URL, ada, signedInAs } from "./support/auth-api.js";
import { localeFor } from "./support/locales.js";
import { navigate } from "./support/navigate.js";

/**
 * Everything below one `AuthProvider` shares one Better Auth client and one session query. These
 * stories put several components on one page, as a site's header and content would.
 */
const meta = {
	title: "Components/AuthProvider",
	component: AuthProvider,
	args: { baseURL: AUTH_URL, navigate },
	// The toolbar's locale, unless a story sets its own.
	render: (args, { globals }) => (
		<AuthProvider locale={localeFor(globals.locale)} {...args}>
			<header style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: "1rem" }}>
				<strong>Robotics handbook</strong>
				<span style={{ display: "flex", gap: "0.5rem" }}>
					<SignedOut>
						<SignInDialog />
					</SignedOut>
					<UserButton />
				</span>
			</header>
			<main>
				<ProtectedRoute>
					<p>Chapter 3: wiring the motor driver.</p>
				</ProtectedRoute>
			</main>
		</AuthProvider>
	),
} satisfies Meta<typeof AuthProvider>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SignedOutPage: Story = {
	parameters: { authApi: { users: [ada] } },
	play: async ({ canvas }) => {
		await expect(await canvas.findByRole("heading", { name: en.labels.signInToSee })).toBeVisible();
	},
};

export const SignedInPage: Story = {
	parameters: { authApi: signedInAs(ada) },
	play: async ({ canvas }) => {
		await expect(await canvas.findByText("Chapter 3: wiring the motor driver.")).toBeVisible();
		await expect(canvas.getByRole("button", { name: `${en.labels.accountMenu}: ${ada.name}` })).toBeVisible();
	},
};

/** `labels` replaces any string of the locale. */
export const WithLabelOverrides: Story = {
	args: { labels: { signInToSee: "Members only: sign in to read this chapter.", signIn: "Log in" } },
	parameters: { authApi: { users: [ada] } },
	play: async ({ canvas }) => {
		await expect(await canvas.findByRole("heading", { name: "Members only: sign in to read this chapter." })).toBeVisible();
		await expect(canvas.getAllByRole("button", { name: "Log in" }).length).toBeGreaterThan(0);
	},
};

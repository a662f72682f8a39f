import { SignIn, en } from "@gatehouse/react";
import { ur } from "@gatehouse/react/locales/ur";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, waitFor } from "storybook/test";
import { type Trouble, ada, signedInAs } from "./support/auth-api.js";
import { expectAlertWithFocus, expectFieldErrorWithFocus, fillIn, submit } from "./support/forms.js";
import { navigate } from "./support/navigate.js";

const { labels } = en;
const adaTypes = { [labels.email]: ada.email, [labels.password]: ada.password };

const meta = {
	title: "Components/SignIn",
	component: SignIn,
	args: { onSignInSuccess: fn() },
	parameters: { authApi: { users: [ada] } },
} satisfies Meta<typeof SignIn>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SignedOut: Story = {};

export const SignsIn: Story = {
	play: async (context) => {
		await fillIn(context, adaTypes);
		await submit(context, labels.signIn);
		await expect(await context.canvas.findByText(labels.signedInAs(ada.name))).toBeVisible();
		await expect(context.args.onSignInSuccess).toHaveBeenCalledTimes(1);
		await expect(navigate).toHaveBeenCalledWith("/");
	},
};

export const Submitting: Story = {
	parameters: { authApi: { users: [ada], trouble: { signIn: "hang" } } },
	play: async (context) => {
		await fillIn(context, adaTypes);
		await submit(context, labels.signIn);
		const button = await context.canvas.findByRole("button", { name: labels.signingIn });
		await expect(button).toBeDisabled();
		await expect(button).toHaveAttribute("aria-busy", "true");
	},
};

export const MissingFields: Story = {
	play: async (context) => {
		await submit(context, labels.signIn);
		await expectFieldErrorWithFocus(context, labels.email, labels.errors.required(labels.email));
	},
};

export const WrongPassword: Story = {
	play: async (context) => {
		await fillIn(context, { [labels.email]: ada.email, [labels.password]: "not-the-password" });
		await submit(context, labels.signIn);
		await expectAlertWithFocus(context, labels.errors.invalidCredentials);
	},
};

/** The server misbehaves on sign-in: the form says what happened, and focus lands on the message. */
const signInFails = (trouble: Trouble, message: string): Story => ({
	parameters: { authApi: { users: [ada], trouble: { signIn: trouble } } },
	play: async (context) => {
		await fillIn(context, adaTypes);
		await submit(context, labels.signIn);
		await expectAlertWithFocus(context, message);
	},
});

export const RateLimited = signInFails("rate-limit", labels.errors.rateLimited(42));
export const ServerUnreachable = signInFails("unreachable", labels.errors.serverUnreachable);
export const ServerUnavailable = signInFails("unavailable", labels.errors.serverUnavailable);

export const AlreadySignedIn: Story = {
	parameters: { authApi: signedInAs(ada) },
	play: async ({ canvas }) => {
		await expect(await canvas.findByText(labels.signedInAs(ada.name))).toBeVisible();
		await expect(canvas.getByRole("button", { name: labels.signOut })).toBeVisible();
	},
};

export const WrongPasswordDark: Story = {
	globals: { theme: "dark", palette: "docusaurus" },
	play: WrongPassword.play,
};

/** Right-to-left: the form, its error and focus handling in Urdu. */
export const WrongPasswordUrdu: Story = {
	globals: { locale: "ur" },
	play: async (context) => {
		const { labels: urdu } = ur;
		await fillIn(context, { [urdu.email]: ada.email, [urdu.password]: "not-the-password" });
		await submit(context, urdu.signIn);
		await expectAlertWithFocus(context, urdu.errors.invalidCredentials);
		await waitFor(() => expect(context.canvasElement.querySelector("section")).toHaveAttribute("dir", "rtl"));
	},
};

/** The right password for an address not verified yet: check your inbox, and a resend button. */
export const EmailNotVerified: Story = {
	parameters: { authApi: { users: [ada], requireEmailVerification: true } },
	play: async (context) => {
		await fillIn(context, adaTypes);
		await submit(context, labels.signIn);
		await expect(await context.canvas.findByRole("status")).toHaveTextContent(labels.checkInbox(ada.email));
		await context.userEvent.click(context.canvas.getByRole("button", { name: labels.resendVerification }));
		await waitFor(() => expect(context.canvas.getByRole("alert")).toHaveTextContent(labels.verificationSent));
	},
};

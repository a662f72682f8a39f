import { SignUp, en } from "@gatehouse/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn } from "storybook/test";
import { ada } from "./support/auth-api.js";
import { expectAlertWithFocus, expectFieldErrorWithFocus, fillIn, submit } from "./support/forms.js";

const { labels } = en;
const newcomer = {
	[labels.name]: "Alan Turing",
	[labels.email]: "alan@example.com",
	[labels.password]: "universal-machine",
	[labels.softwareBackground]: "Python, a little Rust",
	[labels.hardwareBackground]: "Raspberry Pi, a robot arm",
};

const meta = {
	title: "Components/SignUp",
	component: SignUp,
	args: { onSignUpSuccess: fn() },
	parameters: { authApi: { users: [ada] } },
} satisfies Meta<typeof SignUp>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithProfileFields: Story = {};

export const WithoutProfileFields: Story = {
	args: { profile: false },
	play: async ({ canvas }) => {
		await expect(canvas.queryByLabelText(labels.softwareBackground, { exact: false })).toBeNull();
	},
};

export const SignsUp: Story = {
	play: async (context) => {
		await fillIn(context, newcomer);
		await submit(context, labels.signUp);
		await expect(await context.canvas.findByText(labels.signedInAs("Alan Turing"))).toBeVisible();
		await expect(context.args.onSignUpSuccess).toHaveBeenCalledTimes(1);
	},
};

export const Submitting: Story = {
	parameters: { authApi: { trouble: { signUp: "hang" } } },
	play: async (context) => {
		await fillIn(context, newcomer);
		await submit(context, labels.signUp);
		await expect(await context.canvas.findByRole("button", { name: labels.signingUp })).toBeDisabled();
	},
};

/** The server's 422 lands on the email field, not in a banner. */
export const UserExists: Story = {
	play: async (context) => {
		await fillIn(context, { ...newcomer, [labels.email]: ada.email });
		await submit(context, labels.signUp);
		await expectFieldErrorWithFocus(context, labels.email, labels.errors.userExists);
	},
};

export const PasswordTooShort: Story = {
	play: async (context) => {
		await fillIn(context, { ...newcomer, [labels.password]: "short" });
		await submit(context, labels.signUp);
		await expectFieldErrorWithFocus(context, labels.password, labels.errors.passwordTooShort(8));
	},
};

/** A profile answer over 2000 characters: the error sits under that field. */
export const ProfileFieldTooLong: Story = {
	play: async (context) => {
		const { [labels.softwareBackground]: _answer, ...rest } = newcomer;
		await fillIn(context, rest);
		await context.userEvent.click(context.canvas.getByLabelText(labels.softwareBackground, { exact: false }));
		await context.userEvent.paste("x".repeat(2001));
		await submit(context, labels.signUp);
		await expectFieldErrorWithFocus(context, labels.softwareBackground, labels.errors.tooLong(labels.softwareBackground, 2000));
	},
};

export const RateLimited: Story = {
	parameters: { authApi: { trouble: { signUp: "rate-limit" } } },
	play: async (context) => {
		await fillIn(context, newcomer);
		await submit(context, labels.signUp);
		await expectAlertWithFocus(context, labels.errors.rateLimited(42));
	},
};

export const UserExistsDark: Story = {
	globals: { theme: "dark" },
	play: UserExists.play,
};

/** With REQUIRE_EMAIL_VERIFICATION, sign-up sends a link instead of signing in. */
export const VerificationRequired: Story = {
	parameters: { authApi: { requireEmailVerification: true } },
	play: async (context) => {
		await fillIn(context, newcomer);
		await submit(context, labels.signUp);
		await expect(await context.canvas.findByRole("status")).toHaveTextContent(labels.checkInbox("alan@example.com"));
		await expect(context.args.onSignUpSuccess).not.toHaveBeenCalled();
	},
};

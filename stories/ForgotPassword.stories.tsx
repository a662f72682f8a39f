import { ForgotPassword, en } from "@gatehouse/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { ada } from "./support/auth-api.js";
import { expectFieldErrorWithFocus, fillIn, submit } from "./support/forms.js";

const { labels } = en;

const meta = {
	title: "Components/ForgotPassword",
	component: ForgotPassword,
	parameters: { authApi: { users: [ada] } },
} satisfies Meta<typeof ForgotPassword>;
export default meta;
type Story = StoryObj<typeof meta>;

export const AskForALink: Story = {};

/** The same answer for any address, so the form can't tell who has an account. */
export const LinkSent: Story = {
	play: async (context) => {
		await fillIn(context, { [labels.email]: "anyone@example.com" });
		await submit(context, labels.sendResetLink);
		await expect(await context.canvas.findByRole("status")).toHaveTextContent(labels.resetLinkSent);
	},
};

export const InvalidEmail: Story = {
	play: async (context) => {
		await fillIn(context, { [labels.email]: "not-an-address" });
		await submit(context, labels.sendResetLink);
		await expectFieldErrorWithFocus(context, labels.email, labels.errors.invalidEmail);
	},
};

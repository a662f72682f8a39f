import { ResetPassword, en } from "@gatehouse/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { expectAlertWithFocus, expectFieldErrorWithFocus, fillIn, submit } from "./support/forms.js";

const { labels } = en;

const meta = {
	title: "Components/ResetPassword",
	component: ResetPassword,
	// The page the emailed link opens carries `?token=`; stories pass it directly.
	args: { token: "valid-token" },
} satisfies Meta<typeof ResetPassword>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ChooseANewPassword: Story = {};

export const PasswordChanged: Story = {
	play: async (context) => {
		await fillIn(context, { [labels.newPassword]: "a brand new password" });
		await submit(context, labels.savePassword);
		await expect(await context.canvas.findByRole("status")).toHaveTextContent(labels.passwordChanged);
	},
};

export const TooShort: Story = {
	play: async (context) => {
		await fillIn(context, { [labels.newPassword]: "short" });
		await submit(context, labels.savePassword);
		await expectFieldErrorWithFocus(context, labels.newPassword, labels.errors.passwordTooShort(8));
	},
};

/** A link already used, or older than an hour. */
export const ExpiredLink: Story = {
	args: { token: "stale-token" },
	play: async (context) => {
		await fillIn(context, { [labels.newPassword]: "a brand new password" });
		await submit(context, labels.savePassword);
		await expectAlertWithFocus(context, labels.errors.invalidResetLink);
	},
};

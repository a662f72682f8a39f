import { SignInDialog, en } from "@gatehouse/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, screen, waitFor, within } from "storybook/test";
import { ada } from "./support/auth-api.js";
import { expectAlertWithFocus, fillIn, submit } from "./support/forms.js";

const { labels } = en;

const meta = {
	title: "Components/SignInDialog",
	component: SignInDialog,
	args: { onOpenChange: fn() },
	parameters: { authApi: { users: [ada] } },
} satisfies Meta<typeof SignInDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Closed: Story = {};

/** The dialog renders in a portal on <body>, so these plays look in the whole document. */
export const Open: Story = {
	args: { defaultOpen: true },
	play: async () => {
		const dialog = await screen.findByRole("dialog", { name: labels.signInTitle });
		await expect(dialog).toHaveAccessibleDescription(labels.signInDescription);
	},
};

/** Keyboard only: Tab to the trigger, Enter opens, focus moves in, Escape closes, focus returns. */
export const KeyboardOpenAndClose: Story = {
	play: async ({ canvas, userEvent, args }) => {
		const trigger = canvas.getByRole("button", { name: labels.signIn });
		await userEvent.tab();
		await expect(trigger).toHaveFocus();
		await userEvent.keyboard("{Enter}");
		const dialog = await screen.findByRole("dialog", { name: labels.signInTitle });
		await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
		await expect(trigger).toHaveAttribute("aria-expanded", "true");
		await userEvent.keyboard("{Escape}");
		await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
		await expect(trigger).toHaveFocus();
		await expect(args.onOpenChange).toHaveBeenLastCalledWith(false);
	},
};

/** Signing in closes the dialog and gives focus back to the trigger. */
export const SignsInAndCloses: Story = {
	play: async ({ canvas, userEvent }) => {
		const trigger = canvas.getByRole("button", { name: labels.signIn });
		await userEvent.click(trigger);
		const dialog = await screen.findByRole("dialog");
		const inDialog = { canvas: within(dialog), userEvent };
		await fillIn(inDialog, { [labels.email]: ada.email, [labels.password]: ada.password });
		await submit(inDialog, labels.signIn);
		await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
		await expect(trigger).toHaveFocus();
	},
};

export const WrongPasswordInDialog: Story = {
	args: { defaultOpen: true },
	globals: { theme: "dark" },
	play: async ({ userEvent }) => {
		const inDialog = { canvas: within(await screen.findByRole("dialog")), userEvent };
		await fillIn(inDialog, { [labels.email]: ada.email, [labels.password]: "not-the-password" });
		await submit(inDialog, labels.signIn);
		await expectAlertWithFocus(inDialog, labels.errors.invalidCredentials);
	},
};

/** `asChild`: the site's own element becomes the trigger. */
export const CustomTrigger: Story = {
	args: { asChild: true, children: <a href="/sign-in">Members, sign in here</a> },
	play: async ({ canvas, userEvent }) => {
		await userEvent.click(canvas.getByRole("link", { name: "Members, sign in here" }));
		await expect(await screen.findByRole("dialog")).toBeVisible();
	},
};

import { SignOutButton, SignedIn, SignedOut, en } from "@gatehouse/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn } from "storybook/test";
import { ada, signedInAs } from "./support/auth-api.js";
import { navigate } from "./support/navigate.js";

const { labels } = en;

const meta = {
	title: "Components/SignOutButton",
	component: SignOutButton,
	args: { onSignOutSuccess: fn() },
	parameters: { authApi: signedInAs(ada) },
	// Beside the button, what it changes: SignedIn / SignedOut follow the shared session.
	render: (args) => (
		<>
			<SignedIn>
				<p>Signed in as {ada.name}.</p>
			</SignedIn>
			<SignedOut>
				<p>You are signed out.</p>
			</SignedOut>
			<SignOutButton {...args} />
		</>
	),
} satisfies Meta<typeof SignOutButton>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const SignsOut: Story = {
	play: async ({ canvas, userEvent, args }) => {
		await canvas.findByText(`Signed in as ${ada.name}.`);
		await userEvent.click(canvas.getByRole("button", { name: labels.signOut }));
		await expect(await canvas.findByText("You are signed out.")).toBeVisible();
		await expect(args.onSignOutSuccess).toHaveBeenCalledTimes(1);
		await expect(navigate).not.toHaveBeenCalled();
	},
};

export const SigningOut: Story = {
	parameters: { authApi: { ...signedInAs(ada), trouble: { signOut: "hang" } } },
	play: async ({ canvas, userEvent }) => {
		await userEvent.click(await canvas.findByRole("button", { name: labels.signOut }));
		const button = await canvas.findByRole("button", { name: labels.signingOut });
		await expect(button).toBeDisabled();
	},
};

/** With `redirectTo`, the page changes afterwards (here: logged by the story's navigate). */
export const RedirectsAfterwards: Story = {
	args: { redirectTo: "/goodbye" },
	play: async ({ canvas, userEvent }) => {
		await userEvent.click(await canvas.findByRole("button", { name: labels.signOut }));
		await expect(await canvas.findByText("You are signed out.")).toBeVisible();
		await expect(navigate).toHaveBeenCalledWith("/goodbye");
	},
};

export const CustomLabel: Story = {
	args: { children: "Leave the members' area" },
};

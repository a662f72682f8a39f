import { UserButton, en } from "@gatehouse/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor } from "storybook/test";
import { ada, longName, noName, signedInAs, withAvatar } from "./support/auth-api.js";

const { labels } = en;

const meta = {
	title: "Components/UserButton",
	component: UserButton,
	// Where a site puts it: at the end of a header, with room below for the menu.
	decorators: [
		(Story) => (
			<div style={{ display: "flex", justifyContent: "flex-end", minHeight: "14rem" }}>
				<Story />
			</div>
		),
	],
} satisfies Meta<typeof UserButton>;
export default meta;
type Story = StoryObj<typeof meta>;

const signedInAsAda: Story["parameters"] = { authApi: signedInAs(ada) };

export const SignedIn: Story = {
	parameters: signedInAsAda,
	play: async ({ canvas }) => {
		await expect(await canvas.findByRole("button", { name: `${labels.accountMenu}: ${ada.name}` })).toHaveTextContent("AL");
	},
};

/** A long name is cut with an ellipsis; the full name stays in the accessible name. */
export const LongName: Story = {
	parameters: { authApi: signedInAs(longName) },
	play: async ({ canvas }) => {
		const button = await canvas.findByRole("button", { name: `${labels.accountMenu}: ${longName.name}` });
		await expect(button.getBoundingClientRect().width).toBeLessThanOrEqual(16 * 16 + 1);
	},
};

/** No name: the email stands in for it. */
export const NoName: Story = {
	parameters: { authApi: signedInAs(noName) },
	play: async ({ canvas }) => {
		await expect(await canvas.findByRole("button", { name: `${labels.accountMenu}: ${noName.email}` })).toBeVisible();
	},
};

export const WithAvatar: Story = {
	parameters: { authApi: signedInAs(withAvatar) },
	play: async ({ canvasElement, canvas }) => {
		await canvas.findByRole("button", { name: `${labels.accountMenu}: ${withAvatar.name}` });
		const image = canvasElement.querySelector<HTMLImageElement>(".gh-avatar img");
		await waitFor(() => expect(image?.complete && image.naturalWidth > 0).toBe(true));
	},
};

export const SignedOut: Story = {
	parameters: { authApi: { users: [ada] } },
	play: async ({ canvas }) => {
		await expect(await canvas.findByRole("link", { name: labels.signIn })).toHaveAttribute("href", "/sign-in");
	},
};

/** While the session is unknown: an empty placeholder of the same size, hidden from assistive technology. */
export const Pending: Story = {
	parameters: { authApi: { trouble: { getSession: "hang" } } },
};

/** Open with a click, close with Escape: focus goes back to the button. */
export const MenuOpen: Story = {
	parameters: signedInAsAda,
	play: async ({ canvas, userEvent }) => {
		const button = await canvas.findByRole("button", { name: `${labels.accountMenu}: ${ada.name}` });
		await userEvent.click(button);
		await expect(button).toHaveAttribute("aria-expanded", "true");
		await expect(canvas.getByText(ada.email)).toBeVisible();
		await expect(canvas.getByRole("button", { name: labels.signOut })).toBeVisible();
		await userEvent.keyboard("{Escape}");
		await expect(button).toHaveAttribute("aria-expanded", "false");
		await expect(button).toHaveFocus();
		// Leave it open, as the story's name says, for a designer to look at.
		await userEvent.click(button);
	},
};

export const SignsOut: Story = {
	parameters: signedInAsAda,
	play: async ({ canvas, userEvent }) => {
		await userEvent.click(await canvas.findByRole("button", { name: `${labels.accountMenu}: ${ada.name}` }));
		await userEvent.click(canvas.getByRole("button", { name: labels.signOut }));
		await expect(await canvas.findByRole("link", { name: labels.signIn })).toBeVisible();
	},
};

export const MenuOpenDarkUrdu: Story = {
	parameters: signedInAsAda,
	globals: { theme: "dark", locale: "ur", palette: "docusaurus" },
	play: async ({ canvas, userEvent }) => {
		await userEvent.click(await canvas.findByRole("button", { expanded: false }));
		await expect(canvas.getByText(ada.email)).toBeVisible();
	},
};

import { SignedIn, SignedOut } from "@gatehouse/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { ada, signedInAs } from "./support/auth-api.js";

const forMembers = "Welcome back: your notes are below.";
const forVisitors = "Sign in to keep notes.";

/**
 * `SignedIn` and `SignedOut` show their children by session. While the session is unknown (and
 * in server-rendered HTML) neither shows anything.
 */
const meta = {
	title: "Components/SignedIn and SignedOut",
	component: SignedIn,
	subcomponents: { SignedOut },
	render: () => (
		<div>
			<p>This line is always shown.</p>
			<SignedIn>
				<p>{forMembers}</p>
			</SignedIn>
			<SignedOut>
				<p>{forVisitors}</p>
			</SignedOut>
		</div>
	),
} satisfies Meta<typeof SignedIn>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Member: Story = {
	parameters: { authApi: signedInAs(ada) },
	play: async ({ canvas }) => {
		await expect(await canvas.findByText(forMembers)).toBeVisible();
		await expect(canvas.queryByText(forVisitors)).toBeNull();
	},
};

export const Visitor: Story = {
	play: async ({ canvas }) => {
		await expect(await canvas.findByText(forVisitors)).toBeVisible();
		await expect(canvas.queryByText(forMembers)).toBeNull();
	},
};

export const SessionUnknown: Story = {
	parameters: { authApi: { trouble: { getSession: "hang" } } },
	play: async ({ canvas }) => {
		await canvas.findByText("This line is always shown.");
		await expect(canvas.queryByText(forMembers)).toBeNull();
		await expect(canvas.queryByText(forVisitors)).toBeNull();
	},
};

import { ProtectedRoute, en } from "@gatehouse/react";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor } from "storybook/test";
import { ada, signedInAs } from "./support/auth-api.js";
import { fillIn, submit } from "./support/forms.js";
import { navigate } from "./support/navigate.js";

const { labels } = en;
const secret = "The launch codes are in the second drawer.";

const meta = {
	title: "Components/ProtectedRoute",
	component: ProtectedRoute,
	args: {
		children: (
			<article>
				<h2>Members' notes</h2>
				<p>{secret}</p>
			</article>
		),
	},
	parameters: { authApi: { users: [ada] } },
} satisfies Meta<typeof ProtectedRoute>;
export default meta;
type Story = StoryObj<typeof meta>;

/** While get-session has not answered (and always in server-rendered HTML). */
export const Pending: Story = {
	parameters: { authApi: { users: [ada], trouble: { getSession: "hang" } } },
	play: async ({ canvas }) => {
		await expect(await canvas.findByRole("status")).toHaveTextContent(labels.checkingSession);
		await expect(canvas.queryByText(secret)).toBeNull();
	},
};

export const PendingWithCustomFallback: Story = {
	args: { fallback: <p>Loading the members' notes…</p> },
	parameters: Pending.parameters,
};

/** Signed out: the sign-in form in place of the content; signing in reveals it. */
export const Denied: Story = {
	play: async (context) => {
		const { canvas } = context;
		await expect(await canvas.findByRole("heading", { name: labels.signInToSee })).toBeVisible();
		await expect(canvas.queryByText(secret)).toBeNull();
		await fillIn(context, { [labels.email]: ada.email, [labels.password]: ada.password });
		await submit(context, labels.signIn);
		await expect(await canvas.findByText(secret)).toBeVisible();
		await expect(navigate).not.toHaveBeenCalled();
	},
};

export const DeniedRedirects: Story = {
	args: { signedOut: "redirect" },
	play: async () => {
		await waitFor(() => expect(navigate).toHaveBeenCalledWith(expect.stringMatching(/^\/sign-in\?redirectTo=/)));
	},
};

export const Shown: Story = {
	parameters: { authApi: signedInAs(ada) },
	play: async ({ canvas }) => {
		await expect(await canvas.findByText(secret)).toBeVisible();
	},
};

/** get-session fails (after the query's retries): say so, and offer to try again. */
export const ServerUnreachable: Story = {
	parameters: { authApi: { trouble: { getSession: "unreachable" } } },
	play: async ({ canvas }) => {
		const alert = await canvas.findByRole("alert", {}, { timeout: 8000 });
		await expect(alert).toHaveTextContent(labels.errors.serverUnreachable);
		await expect(canvas.getByRole("button", { name: labels.retry })).toBeVisible();
	},
};

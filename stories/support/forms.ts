import type { StoryContext } from "@storybook/react-vite";
import { expect, waitFor } from "storybook/test";

type Play = Pick<StoryContext, "canvas" | "userEvent">;

/** Types into the fields named by their labels, as a person would. */
export async function fillIn({ canvas, userEvent }: Play, fields: Record<string, string>) {
	for (const [label, value] of Object.entries(fields)) {
		await userEvent.type(await canvas.findByLabelText(label, { exact: false }), value);
	}
}

/** Presses the submit button named `name`. */
export async function submit({ canvas, userEvent }: Play, name: string) {
	const button = canvas.getByRole("button", { name });
	await expect(button).toBeEnabled();
	await userEvent.click(button);
}

/** The form-level message says `message`, and focus moved to it so it is read out. */
export async function expectAlertWithFocus({ canvas }: Play, message: string) {
	const alert = await canvas.findByRole("alert");
	await waitFor(() => expect(alert).toHaveTextContent(message));
	await waitFor(() => expect(alert).toHaveFocus());
}

/** The field labelled `label` is marked invalid, shows `message`, and has focus. */
export async function expectFieldErrorWithFocus({ canvas }: Play, label: string, message: string) {
	const input = await canvas.findByLabelText(label, { exact: false });
	await waitFor(() => expect(input).toHaveAttribute("aria-invalid", "true"));
	await expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
	await waitFor(() => expect(input).toHaveFocus());
}

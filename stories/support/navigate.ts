import { action } from "storybook/actions";
import { fn } from "storybook/test";

/**
 * The AuthProvider's `navigate` in every story: a page change would take the story away, so it
 * is logged in the Actions panel instead, and a play function can assert where it would go.
 */
export const navigate = fn<(to: string) => void>(action("navigate")).mockName("navigate");

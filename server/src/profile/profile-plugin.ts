import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { getCurrentTransaction } from "../db/kysely.js";
import { parseProfile } from "./profile-fields.js";
import { onTransaction, writeProfile } from "./profile-store.js";

const SIGN_UP_PATH = "/sign-up/email";

/**
 * Sign-up carries `profile: { softwareBackground, hardwareBackground }`. It is validated before
 * Better Auth does anything (a bad answer is a 400 naming the field, and no user is made), then
 * written in Better Auth's own sign-up transaction: user, account and profile commit together.
 */
export const profile = () =>
	({
		id: "gatehouse-profile",
		hooks: {
			before: [
				{
					matcher: (context) => context.path === SIGN_UP_PATH,
					handler: createAuthMiddleware(async (ctx) => {
						const result = parseProfile((ctx.body as { profile?: unknown } | undefined)?.profile);
						if (!result.ok) throw new APIError("BAD_REQUEST", { ...result.error });
					}),
				},
			],
		},
		init: () => ({
			options: {
				databaseHooks: {
					account: {
						create: {
							// The user row exists by now, inside the still-open transaction.
							before: async (account, ctx) => {
								if (ctx?.path !== SIGN_UP_PATH || account.providerId !== "credential") return;
								const result = parseProfile((ctx.body as { profile?: unknown } | undefined)?.profile);
								if (!result.ok) throw new APIError("BAD_REQUEST", { ...result.error });
								const trx = getCurrentTransaction();
								if (!trx) throw new Error("Sign-up ran outside a transaction; the database must be created with createKysely().");
								await writeProfile(onTransaction(trx), account.userId, result.profile);
							},
						},
					},
				},
			},
		}),
	}) satisfies BetterAuthPlugin;

import type { BetterAuthPlugin } from "better-auth";
import { APIError } from "better-auth/api";
import { sql } from "kysely";
import { getCurrentTransaction } from "../db/kysely.js";

/** Names this kind of advisory lock (the migration lock uses the one-key form, so they never meet). */
const EMAIL_LOCK_CLASS = 7_414;

/**
 * Sign-ups racing with one new email all pass Better Auth's "does it exist?" check before any of
 * them commits; the losers' inserts then hit the unique index, and Better Auth answers them a
 * vague 422 FAILED_TO_CREATE_USER and logs an error. Locking the address (transaction-scoped, so
 * safe behind a transaction-mode pooler like Neon's) just before the insert makes them queue;
 * each then checks again once the one before has committed, and gets Better Auth's own answer for
 * a taken email: USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL, or, when the auth hides which emails exist
 * (email verification required), the 403 that Better Auth turns into its generic reply.
 */
export const oneUserPerEmail = () =>
	({
		id: "gatehouse-one-user-per-email",
		init: (ctx) => {
			const hidesExistingEmails = Boolean(ctx.options.emailAndPassword?.requireEmailVerification) || ctx.options.emailAndPassword?.autoSignIn === false;
			return {
				options: {
					databaseHooks: {
						user: {
							create: {
								before: async (user) => {
									const trx = getCurrentTransaction();
									if (!trx) return; // outside a transaction a lock would be released at once
									await sql`SELECT pg_advisory_xact_lock(${EMAIL_LOCK_CLASS}, hashtext(${user.email}))`.execute(trx);
									const taken = await trx.selectFrom("user").select("id").where("email", "=", user.email).executeTakeFirst();
									if (!taken) return;
									if (hidesExistingEmails) throw new APIError("FORBIDDEN");
									throw new APIError("UNPROCESSABLE_ENTITY", {
										code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL",
										message: "User already exists. Use another email.",
									});
								},
							},
						},
					},
				},
			};
		},
	}) satisfies BetterAuthPlugin;

import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import bcrypt from "bcryptjs";
import { isBcryptHash } from "./bcrypt-hash.js";

/**
 * Better Auth's password functions, widened to accept the bcrypt hashes users bring from
 * Supabase. New and changed passwords are always Better Auth's scrypt. Other modular-crypt
 * hashes (`$argon2id$…`, `$fbscrypt$…`) can't be checked here: they fail like a wrong password
 * (the user resets it) instead of making sign-in a 500.
 */
export const legacyAwarePassword = {
	hash: (password: string) => hashPassword(password),
	verify: async ({ hash, password }: { hash: string; password: string }): Promise<boolean> => {
		if (isBcryptHash(hash)) return bcrypt.compare(password, hash);
		if (hash.startsWith("$")) return false;
		return verifyPassword({ hash, password });
	},
};

const SIGN_IN_PATH = "/sign-in/email";

/**
 * After a successful email sign-in, replaces a bcrypt hash with scrypt, made from the password
 * that was just verified: each imported user pays bcrypt once, and the legacy hash leaves the
 * database. A failure here is logged and the sign-in stands; the next one tries again.
 */
export const legacyPasswordUpgrade = () =>
	({
		id: "gatehouse-legacy-password",
		hooks: {
			after: [
				{
					matcher: (context) => context.path === SIGN_IN_PATH,
					handler: createAuthMiddleware(async (ctx) => {
						const userId = ctx.context.newSession?.user.id;
						const password = (ctx.body as { password?: unknown } | undefined)?.password;
						if (!userId || typeof password !== "string") return;
						try {
							const account = await ctx.context.internalAdapter.findCredentialAccount(userId);
							if (!account?.password || !isBcryptHash(account.password)) return;
							await ctx.context.internalAdapter.updatePassword(userId, await hashPassword(password));
						} catch (error) {
							ctx.context.logger.warn(`could not re-hash a bcrypt password to scrypt: ${(error as Error).message}`);
						}
					}),
				},
			],
		},
	}) satisfies BetterAuthPlugin;

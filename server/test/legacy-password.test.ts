import { hashPassword } from "better-auth/crypto";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { isBcryptHash } from "../src/auth/bcrypt-hash.js";
import { legacyAwarePassword } from "../src/auth/legacy-password.js";

const password = "correct horse battery";
const { verify } = legacyAwarePassword;

describe("legacyAwarePassword", () => {
	it.each(["$2a$", "$2b$", "$2y$"])("accepts %s bcrypt hashes at costs 4, 10 and 12, and refuses a wrong password", async (prefix) => {
		for (const cost of [4, 10, 12]) {
			const hash = prefix + bcrypt.hashSync(password, cost).slice(4);
			expect(isBcryptHash(hash)).toBe(true);
			expect(await verify({ hash, password })).toBe(true);
			expect(await verify({ hash, password: `${password}!` })).toBe(false);
		}
	});

	it("hashes new passwords with Better Auth's scrypt, and verifies them", async () => {
		const hash = await legacyAwarePassword.hash(password);
		expect(hash).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
		expect(await verify({ hash, password })).toBe(true);
		expect(await verify({ hash: await hashPassword(password), password: "wrong password" })).toBe(false);
	});

	it("fails other modular-crypt formats like a wrong password instead of throwing", async () => {
		for (const hash of ["$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA", "$fbscrypt$v=1,n=14,r=8,p=1,ss=Bw==,sk=a2V5$c2FsdA==$aGFzaA=="]) {
			expect(isBcryptHash(hash)).toBe(false);
			expect(await verify({ hash, password })).toBe(false);
		}
		expect(isBcryptHash("$2x$10$abcdefghijklmnopqrstuu")).toBe(false);
	});
});

/** bcrypt as Supabase (Go: `$2a$`), OpenBSD/Node (`$2b$`) and PHP (`$2y$`) write it, at any cost. */
const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$/;

export function isBcryptHash(hash: string): boolean {
	return BCRYPT_HASH.test(hash);
}

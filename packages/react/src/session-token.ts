/**
 * Where token mode keeps the Better Auth session token: `localStorage`, one entry per auth server,
 * or memory when storage is unavailable (blocked, private mode). Touches storage only when called,
 * never when created, so creating one during a server render is safe.
 */
export interface SessionTokenStore {
	get(): string | null;
	set(token: string): void;
	clear(): void;
	/** The storage key, to recognise this store's changes in `storage` events from other tabs. */
	readonly key: string;
}

export function createSessionTokenStore(baseURL: string): SessionTokenStore {
	const key = `gatehouse.session-token:${new URL(baseURL).origin}`;
	let memory: string | null = null;
	const storage = (): Storage | undefined => {
		try {
			return window.localStorage;
		} catch {
			return undefined;
		}
	};
	return {
		key,
		get() {
			try {
				return storage()?.getItem(key) ?? memory;
			} catch {
				return memory;
			}
		},
		set(token) {
			memory = token;
			try {
				storage()?.setItem(key, token);
			} catch {}
		},
		clear() {
			memory = null;
			try {
				storage()?.removeItem(key);
			} catch {}
		},
	};
}

import { useSyncExternalStore } from "react";

// A router in a dozen lines: the demo has four pages and no need for more.
const listeners = new Set<() => void>();
const notify = () => {
	for (const listener of listeners) listener();
};
window.addEventListener("popstate", notify);

export function navigate(to: string) {
	window.history.pushState(null, "", to);
	window.scrollTo(0, 0);
	notify();
}

export function usePathname(): string {
	return useSyncExternalStore(
		(listener) => {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		() => window.location.pathname,
	);
}

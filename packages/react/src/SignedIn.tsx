"use client";
import type { ReactNode } from "react";
import { useSession } from "./useSession.js";

/** Renders its children only once a session is known to exist (never on the server). */
export function SignedIn({ children }: { children?: ReactNode }) {
	return useSession().session ? <>{children}</> : null;
}

/** Renders its children only once the visitor is known to be signed out (never on the server). */
export function SignedOut({ children }: { children?: ReactNode }) {
	const { session, isPending } = useSession();
	return !isPending && !session ? <>{children}</> : null;
}

"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useAuthContext } from "./AuthProvider.js";
import { cx } from "./cx.js";
import { AuthLink } from "./form.js";
import { SignOutButton } from "./SignOutButton.js";
import { useSession } from "./useSession.js";

export interface UserButtonProps {
	className?: string;
	classNames?: { button?: string; avatar?: string; menu?: string; signIn?: string };
}

/**
 * The user's avatar and name, opening a small panel with the email and Sign out. Signed out, a
 * Sign in link; while the session is unknown, an empty placeholder of the same size.
 */
export function UserButton({ className, classNames = {} }: UserButtonProps) {
	const { labels, locale, paths } = useAuthContext("UserButton");
	const { user, isPending } = useSession();
	const [open, setOpen] = useState(false);
	const rootRef = useRef<HTMLDivElement>(null);
	const buttonRef = useRef<HTMLButtonElement>(null);
	const menuId = useId();

	// Close on Escape (focus back to the button) and on a click or focus outside.
	useEffect(() => {
		if (!open) return;
		const onKey = (event: KeyboardEvent) => {
			if (event.key !== "Escape") return;
			setOpen(false);
			buttonRef.current?.focus();
		};
		const onOutside = (event: Event) => {
			if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
		};
		document.addEventListener("keydown", onKey);
		document.addEventListener("pointerdown", onOutside);
		document.addEventListener("focusin", onOutside);
		return () => {
			document.removeEventListener("keydown", onKey);
			document.removeEventListener("pointerdown", onOutside);
			document.removeEventListener("focusin", onOutside);
		};
	}, [open]);

	const rootClass = cx("gh-root gh-user", className);
	if (isPending) return <div className={rootClass} dir={locale.dir} aria-hidden="true" />;
	if (!user) {
		return (
			<div className={rootClass} dir={locale.dir}>
				<AuthLink to={paths.signIn} className={cx("gh-button", classNames.signIn)}>
					{labels.signIn}
				</AuthLink>
			</div>
		);
	}
	const display = user.name || user.email;
	return (
		<div ref={rootRef} className={rootClass} dir={locale.dir}>
			<button
				ref={buttonRef}
				type="button"
				className={cx("gh-user-button", classNames.button)}
				aria-expanded={open}
				aria-controls={menuId}
				onClick={() => setOpen((value) => !value)}
			>
				{/* The name comes from the text, not aria-label: an aria-label that leaves out the visible
				    initials fails "label in name" (WCAG 2.5.3) for people who click by saying what they see. */}
				<span className="gh-visually-hidden">{labels.accountMenu}: </span>
				<span className={cx("gh-avatar", classNames.avatar)} aria-hidden="true">
					{user.image ? <img src={user.image} alt="" /> : initials(display)}
				</span>
				<span className="gh-user-name">{display}</span>
			</button>
			<div id={menuId} className={cx("gh-user-menu", classNames.menu)} hidden={!open}>
				<p className="gh-user-identity">
					{user.name && <strong>{user.name}</strong>}
					<span>{user.email}</span>
				</p>
				<SignOutButton onSignOutSuccess={() => setOpen(false)} />
			</div>
		</div>
	);
}

function initials(text: string): string {
	const words = text.split(/[\s@.]+/).filter(Boolean);
	return words
		.slice(0, 2)
		.map((word) => [...word][0]!.toUpperCase())
		.join("");
}

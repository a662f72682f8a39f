"use client";
import { type MouseEvent, type ReactElement, type ReactNode, Suspense, cloneElement, isValidElement, lazy, useRef, useState } from "react";
import { useAuthContext } from "./AuthProvider.js";
import { cx } from "./cx.js";

// The dialog (Radix, focus trap, scroll lock) is a separate chunk, fetched when first wanted.
const loadContent = () => import("./SignInDialogContent.js");
const SignInDialogContent = /* @__PURE__ */ lazy(loadContent);

export interface SignInDialogProps {
	/** Controlled open state. */
	open?: boolean;
	/** Initial open state when uncontrolled. @default false */
	defaultOpen?: boolean;
	onOpenChange?: (open: boolean) => void;
	/** Render your own element as the trigger (it receives the trigger's props and handlers). */
	asChild?: boolean;
	/** The trigger's content, or with `asChild` the element to use. @default labels.signIn */
	children?: ReactNode;
	/** After signing in: stay (`false`, the default) or go to a same-site path. */
	redirectTo?: string | false;
	className?: string;
}

/**
 * A Sign in button that opens the sign-in form in a modal dialog. The dialog's code is loaded
 * on first hover, focus or click, so pages that never open it don't pay for it.
 */
export function SignInDialog({ open: controlledOpen, defaultOpen = false, onOpenChange, asChild, children, redirectTo = false, className }: SignInDialogProps) {
	const { labels } = useAuthContext("SignInDialog");
	const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen);
	const open = controlledOpen ?? uncontrolledOpen;
	const [wanted, setWanted] = useState(open);
	const triggerRef = useRef<HTMLButtonElement>(null);
	const setOpen = (next: boolean) => {
		if (next) setWanted(true);
		if (controlledOpen === undefined) setUncontrolledOpen(next);
		onOpenChange?.(next);
	};
	const preload = () => void loadContent();
	const child = asChild && isValidElement(children) ? (children as ReactElement<Record<string, any>>) : undefined;
	const triggerProps = {
		ref: triggerRef,
		"aria-haspopup": "dialog" as const,
		"aria-expanded": open,
		onPointerEnter: preload,
		onFocus: preload,
		onClick: (event: MouseEvent<HTMLElement>) => {
			child?.props.onClick?.(event); // the user's handler first; it may preventDefault
			if (!event.defaultPrevented) {
				event.preventDefault();
				setOpen(true);
			}
		},
	};
	return (
		<>
			{child ? (
				cloneElement(child, triggerProps)
			) : (
				// gh-root: the trigger sits outside the kit's other elements, and needs the --gh-* colors too.
				<button type="button" className={cx("gh-root gh-button gh-button-primary", className)} {...triggerProps}>
					{children ?? labels.signIn}
				</button>
			)}
			{(open || wanted) && (
				<Suspense fallback={null}>
					<SignInDialogContent open={open} onOpenChange={setOpen} returnFocus={() => triggerRef.current?.focus()} redirectTo={redirectTo} />
				</Suspense>
			)}
		</>
	);
}

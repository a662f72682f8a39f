"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { useAuthContext } from "./AuthProvider.js";
import { SignIn } from "./SignIn.js";

interface SignInDialogContentProps {
	open: boolean;
	onOpenChange: (open: boolean) => void;
	returnFocus: () => void;
	redirectTo: string | false;
}

/** The lazily loaded half of `SignInDialog`: Radix does the focus trap, Escape and scroll lock. */
export default function SignInDialogContent({ open, onOpenChange, returnFocus, redirectTo }: SignInDialogContentProps) {
	const { labels, locale } = useAuthContext("SignInDialog");
	return (
		<Dialog.Root open={open} onOpenChange={onOpenChange}>
			<Dialog.Portal>
				<Dialog.Overlay className="gh-overlay" />
				<Dialog.Content
					className="gh-root gh-dialog"
					dir={locale.dir}
					lang={locale.code}
					onCloseAutoFocus={(event) => {
						// Our trigger is not Radix's, so give focus back to it ourselves.
						event.preventDefault();
						returnFocus();
					}}
				>
					<Dialog.Title className="gh-title">{labels.signInTitle}</Dialog.Title>
					<Dialog.Description className="gh-hint">{labels.signInDescription}</Dialog.Description>
					<SignIn title={false} redirectTo={redirectTo} onSignInSuccess={() => onOpenChange(false)} />
					<Dialog.Close className="gh-close" aria-label={labels.close}>
						<span aria-hidden="true">×</span>
					</Dialog.Close>
				</Dialog.Content>
			</Dialog.Portal>
		</Dialog.Root>
	);
}

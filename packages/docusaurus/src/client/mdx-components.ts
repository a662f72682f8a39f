import { ForgotPassword, ResetPassword, SignIn, SignInDialog, SignOutButton, SignUp, SignedIn, SignedOut, UserButton } from "@gatehouse/react";
import { ProtectedRoute } from "./ProtectedRoute.js";

/** The kit's components by the names MDX pages use them, with no import. */
export const gatehouseMDXComponents = {
	SignIn,
	SignUp,
	ForgotPassword,
	ResetPassword,
	ProtectedRoute,
	SignedIn,
	SignedOut,
	UserButton,
	SignOutButton,
	SignInDialog,
};

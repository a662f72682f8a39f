"use client";
// @gatehouse/react: sign-in for React apps and documentation sites, on Better Auth.
export { AuthProvider, type AuthContextValue, type AuthProviderProps, type LabelOverrides, useAuthContext } from "./AuthProvider.js";
export { ProtectedRoute, type ProtectedRouteProps } from "./ProtectedRoute.js";
export { SignIn, type SignInProps } from "./SignIn.js";
export { SignInDialog, type SignInDialogProps } from "./SignInDialog.js";
export { SignOutButton, type SignOutButtonProps } from "./SignOutButton.js";
export { SignUp, type SignUpProps } from "./SignUp.js";
export { SignedIn, SignedOut } from "./SignedIn.js";
export { UserButton, type UserButtonProps } from "./UserButton.js";
export { type AuthTokenState, useAuthToken } from "./useAuthToken.js";
export { type Profile, type StoredProfile, useProfile } from "./useProfile.js";
export { type SessionState, useSession } from "./useSession.js";
export { type AuthClient, type Session, type User, createGatehouseClient } from "./auth-client.js";
export { AuthRequestError } from "./auth-error.js";
export type { FormClassNames } from "./form.js";
export { type Labels, type Locale, en } from "./labels.js";
export { authKeys, sessionQueryOptions } from "./queries.js";
export { safeRedirectPath } from "./redirect.js";

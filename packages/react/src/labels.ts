/** Every string the kit shows. Functions take the values a message needs. */
export interface Labels {
	signIn: string;
	signUp: string;
	signOut: string;
	signingIn: string;
	signingUp: string;
	signingOut: string;
	email: string;
	password: string;
	name: string;
	/** Under the sign-up password field. */
	passwordHint: (min: number) => string;
	softwareBackground: string;
	softwareBackgroundHint: string;
	hardwareBackground: string;
	hardwareBackgroundHint: string;
	optional: string;
	noAccount: string;
	haveAccount: string;
	signInTitle: string;
	signUpTitle: string;
	checkingSession: string;
	signedInAs: (name: string) => string;
	continue: string;
	retry: string;
	/** Under the sign-in dialog's title. */
	signInDescription: string;
	/** Shown where protected content would be, to a signed-out visitor. */
	signInToSee: string;
	accountMenu: string;
	close: string;
	forgotPassword: string;
	forgotPasswordTitle: string;
	forgotPasswordHint: string;
	sendResetLink: string;
	sendingResetLink: string;
	/** The same whether or not the address has an account. */
	resetLinkSent: string;
	resetPasswordTitle: string;
	newPassword: string;
	savePassword: string;
	savingPassword: string;
	passwordChanged: string;
	backToSignIn: string;
	/** After sign-up or sign-in of an address that still needs verifying. */
	checkInbox: (email: string) => string;
	resendVerification: string;
	verificationSent: string;
	needsJavaScript: string;
	errors: {
		required: (field: string) => string;
		invalidEmail: string;
		passwordTooShort: (min: number) => string;
		passwordTooLong: (max: number) => string;
		tooLong: (field: string, max: number) => string;
		invalidCredentials: string;
		userExists: string;
		rateLimited: (seconds: number) => string;
		serverUnreachable: string;
		serverUnavailable: string;
		invalidResetLink: string;
		generic: string;
	};
}

export interface Locale {
	/** BCP 47 tag, e.g. `ur`. */
	code: string;
	dir: "ltr" | "rtl";
	labels: Labels;
}

export const en: Locale = {
	code: "en",
	dir: "ltr",
	labels: {
		signIn: "Sign in",
		signUp: "Sign up",
		signOut: "Sign out",
		signingIn: "Signing in…",
		signingUp: "Creating your account…",
		signingOut: "Signing out…",
		email: "Email",
		password: "Password",
		name: "Name",
		passwordHint: (min) => `At least ${min} characters.`,
		softwareBackground: "Your software background",
		softwareBackgroundHint: "Languages and tools you use, in a few words.",
		hardwareBackground: "Your hardware background",
		hardwareBackgroundHint: "Boards, robots or devices you have worked with.",
		optional: "optional",
		noAccount: "No account yet?",
		haveAccount: "Already have an account?",
		signInTitle: "Sign in",
		signUpTitle: "Create an account",
		checkingSession: "Checking your session…",
		signedInAs: (name) => `Signed in as ${name}`,
		continue: "Continue",
		retry: "Try again",
		signInDescription: "Use the email and password of your account.",
		signInToSee: "Sign in to see this page.",
		accountMenu: "Account",
		close: "Close",
		forgotPassword: "Forgot your password?",
		forgotPasswordTitle: "Reset your password",
		forgotPasswordHint: "Enter the email of your account and we'll send you a link to choose a new password.",
		sendResetLink: "Send the link",
		sendingResetLink: "Sending…",
		resetLinkSent: "If an account exists for that email, a link to reset its password is on its way. Check your inbox.",
		resetPasswordTitle: "Choose a new password",
		newPassword: "New password",
		savePassword: "Save the new password",
		savingPassword: "Saving…",
		passwordChanged: "Your password has been changed. Sign in with the new one.",
		backToSignIn: "Back to sign in",
		checkInbox: (email) => `Check your inbox: we sent a link to ${email} to verify your address.`,
		resendVerification: "Send the link again",
		verificationSent: "A new link is on its way.",
		needsJavaScript: "Signing in needs JavaScript; please turn it on.",
		errors: {
			required: (field) => `Enter your ${field.toLowerCase()}.`,
			invalidEmail: "Enter an email address like name@example.com.",
			passwordTooShort: (min) => `Use at least ${min} characters.`,
			passwordTooLong: (max) => `Use at most ${max} characters.`,
			tooLong: (field, max) => `${field} can be at most ${max} characters.`,
			invalidCredentials: "That email and password don't match. Check them and try again.",
			userExists: "An account with this email already exists. Sign in instead.",
			rateLimited: (seconds) => `Too many attempts. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
			serverUnreachable: "Can't reach the sign-in server. Check your connection and try again.",
			serverUnavailable: "Sign-in is unavailable right now. Try again in a minute.",
			invalidResetLink: "This link has expired or was already used. Ask for a new one.",
			generic: "Something went wrong. Try again.",
		},
	},
};

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
			generic: "Something went wrong. Try again.",
		},
	},
};

"use client";
import type { ReactNode } from "react";
import { useAuthContext } from "./AuthProvider.js";
import { cx } from "./cx.js";
import type { FormClassNames } from "./form.js";

/** The frame every form shares: a section in the locale's direction and language, with its heading. */
export function AuthCard({
	title,
	defaultTitle,
	className,
	classNames = {},
	children,
}: {
	title: ReactNode | false | undefined;
	defaultTitle: string;
	className: string | undefined;
	classNames: FormClassNames | undefined;
	children: ReactNode;
}) {
	const { locale } = useAuthContext("AuthCard");
	const heading = title === undefined ? defaultTitle : title;
	return (
		<section className={cx("gh-root gh-card", className, classNames.root)} dir={locale.dir} lang={locale.code}>
			{heading !== false && <h2 className={cx("gh-title", classNames.title)}>{heading}</h2>}
			{children}
		</section>
	);
}

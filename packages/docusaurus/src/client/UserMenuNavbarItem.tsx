import { UserButton } from "@gatehouse/react";

export interface UserMenuNavbarItemProps {
	/** Set by the theme when rendering the mobile sidebar. */
	mobile?: boolean;
	className?: string;
}

/**
 * The navbar item `{ type: "custom-gatehouse-user", position: "right" }`: the user's menu, or a
 * Sign in link. Only the props it uses are read; the rest of the item config is not for the DOM.
 */
export function UserMenuNavbarItem({ mobile = false, className }: UserMenuNavbarItemProps) {
	if (mobile) {
		return (
			<li className={["menu__list-item", "gh-navbar-item", className].filter(Boolean).join(" ")}>
				<UserButton />
			</li>
		);
	}
	return (
		<div className={["navbar__item", "gh-navbar-item", className].filter(Boolean).join(" ")}>
			<UserButton />
		</div>
	);
}

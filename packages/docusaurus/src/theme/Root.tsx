import RootInit from "@theme-init/Root";
import type { ReactNode } from "react";
import { AuthRoot } from "../client/AuthRoot.js";

/** The site inside the kit's provider. Wraps whatever Root lies below (`@theme-init`, never `@theme-original`). */
export default function Root({ children }: { children?: ReactNode }) {
	return (
		<RootInit>
			<AuthRoot>{children}</AuthRoot>
		</RootInit>
	);
}

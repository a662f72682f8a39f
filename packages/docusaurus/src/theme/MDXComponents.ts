import MDXComponentsInit from "@theme-init/MDXComponents";
import { gatehouseMDXComponents } from "../client/mdx-components.js";

/** The theme's MDX components plus the kit's: `<SignIn/>` works in any MDX page without an import. */
export default { ...MDXComponentsInit, ...gatehouseMDXComponents };

// @gatehouse/docusaurus/client: the browser side, for sites that compose by hand (their own
// src/theme/Root or MDXComponents, or another plugin that also wraps Root). Import it only from
// code Docusaurus bundles: it uses Docusaurus' @docusaurus/* modules.
export { AuthRoot, type AuthRootProps } from "./AuthRoot.js";
export { gatehouseMDXComponents } from "./mdx-components.js";
export { ProtectedRoute } from "./ProtectedRoute.js";
export { UserMenuNavbarItem, type UserMenuNavbarItemProps } from "./UserMenuNavbarItem.js";

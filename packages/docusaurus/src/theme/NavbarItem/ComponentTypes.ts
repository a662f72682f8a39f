import ComponentTypesInit from "@theme-init/NavbarItem/ComponentTypes";
import { UserMenuNavbarItem } from "../../client/UserMenuNavbarItem.js";

/** The theme's navbar item types plus `custom-gatehouse-user` (theme-classic accepts any `custom-*` type). */
export default { ...ComponentTypesInit, "custom-gatehouse-user": UserMenuNavbarItem };

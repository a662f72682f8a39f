import { createAuthClient } from "better-auth/client"; import { jwtClient } from "better-auth/client/plugins"; export const c = createAuthClient({ baseURL: "http://x", plugins: [jwtClient()] });

// @gatehouse/server: the reference server, and the pieces an integrator may reuse.
export { type Auth, createAuth } from "./auth/create-auth.js";
export { type JwtVerifier, type JwtVerifierOptions, JwtRejectedError, createJwtVerifier } from "./auth/jwt-verifier.js";
export { type AuthenticatedUser, type RequireAuthOptions, requireAuth } from "./auth/require-auth.js";
export { type Config, ConfigError, loadConfig } from "./config.js";
export { type Database, openDatabase } from "./db/database.js";
export { migrate } from "./db/migrate.js";
export { type AppOptions, createApp } from "./http/create-app.js";
export { type Logger, createConsoleLogger } from "./logger.js";
export { type Profile, PROFILE_ANSWER_MAX_LENGTH, PROFILE_ERROR_CODES, parseProfile } from "./profile/profile-fields.js";
export { type RunningServer, startServer } from "./server.js";

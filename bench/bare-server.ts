// The baseline: a Better Auth server written as its docs show (Express 5 + pg + the jwt plugin
// with RS256 and otherwise default options), with the same /api/profile routes an app would add.
import { betterAuth } from "better-auth";
import { fromNodeHeaders, toNodeHandler } from "better-auth/node";
import { jwt } from "better-auth/plugins";
import express from "express";
import { createRemoteJWKSet, jwtVerify } from "jose";
import pg from "pg";
import { getMigrations } from "better-auth/db/migration";
import { PROFILE_TABLE_SQL } from "../server/src/profile/profile-store.js";

const { DATABASE_URL, PORT = "4000" } = process.env;
const baseURL = `http://localhost:${PORT}`;
const pool = new pg.Pool({ connectionString: DATABASE_URL });

const auth = betterAuth({
	baseURL,
	secret: "bench-secret-bench-secret-bench-secret",
	database: pool,
	emailAndPassword: { enabled: true },
	plugins: [jwt({ jwks: { keyPairConfig: { alg: "RS256" } }, jwt: { expirationTime: "7d" } })],
	telemetry: { enabled: false },
});

const app = express();
app.all("/api/auth/*splat", toNodeHandler(auth));
app.use(express.json());

const JWKS = createRemoteJWKSet(new URL(`${baseURL}/api/auth/jwks`));
const verify = async (req: express.Request) => {
	const token = req.headers.authorization?.slice("Bearer ".length) ?? "";
	return (await jwtVerify(token, JWKS, { issuer: baseURL, audience: baseURL, algorithms: ["RS256"] })).payload;
};
const readProfile = async (userId: string) =>
	(await pool.query("SELECT * FROM user_profile WHERE user_id = $1", [userId])).rows[0] ?? null;

app.get("/api/profile", async (req, res) => {
	if (req.headers.authorization) {
		try {
			const payload = await verify(req);
			return void res.json(await readProfile(payload.sub!));
		} catch {
			return void res.status(401).json({ error: "unauthorized" });
		}
	}
	const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
	if (!session) return void res.status(401).json({ error: "unauthorized" });
	res.json(await readProfile(session.user.id));
});

// The ceiling for any JWT-protected route: verification alone, no database.
app.get("/jose-only", async (req, res) => {
	try {
		res.json({ sub: (await verify(req)).sub });
	} catch {
		res.status(401).json({ error: "unauthorized" });
	}
});

if (process.argv.includes("--migrate")) {
	await (await getMigrations(auth.options)).runMigrations();
	await pool.query(PROFILE_TABLE_SQL);
	process.exit(0);
}
app.listen(Number(PORT), () => console.log(`bare server ready on ${baseURL}`));

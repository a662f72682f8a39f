import type { TestProject } from "vitest/node";
import { startNeonLike } from "./neon-like.js";

export interface NeonUrls {
	/** TLS straight to PostgreSQL (Neon's plain endpoint): create and drop databases here. */
	directUrl: string;
	/** TLS through PgBouncer in transaction mode (Neon's `-pooler` endpoint): what the server gets. */
	pooledUrl: string;
	/** The test CA, for a URL in Neon's production form (`sslmode=require`) with NODE_EXTRA_CA_CERTS. */
	caFile: string;
}

declare module "vitest" {
	export interface ProvidedContext {
		neon: NeonUrls;
	}
}

/** One Neon-like database server for the whole run; each test file makes its own database on it. */
export default async function setup(project: TestProject) {
	const neon = await startNeonLike();
	project.provide("neon", { directUrl: neon.directUrl, pooledUrl: neon.pooledUrl, caFile: neon.caFile });
	return () => neon.stop();
}

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

/**
 * One Neon-like database server for the whole run, shared by every project that lists this setup
 * (Vitest runs each project's global setup separately, in one process): each test file makes its
 * own database on it. Started by the first project, stopped when the last one is done.
 */
const shared = globalThis as { gatehouseNeon?: { started: ReturnType<typeof startNeonLike>; users: number } };

export default async function setup(project: TestProject) {
	shared.gatehouseNeon ??= { started: startNeonLike(), users: 0 };
	const state = shared.gatehouseNeon;
	state.users++;
	const neon = await state.started;
	project.provide("neon", { directUrl: neon.directUrl, pooledUrl: neon.pooledUrl, caFile: neon.caFile });
	return async () => {
		if (--state.users > 0) return;
		shared.gatehouseNeon = undefined;
		await neon.stop();
	};
}

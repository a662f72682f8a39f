import {
	type JSONWebKeySet,
	type JWTPayload,
	type JWTVerifyGetKey,
	createLocalJWKSet,
	createRemoteJWKSet,
	errors,
	jwtVerify,
} from "jose";

export interface JwtVerifierOptions {
	/** The JWKS: a URL (`https://auth.example.com/api/auth/jwks`) or a loader of the key set. */
	jwks: URL | (() => Promise<JSONWebKeySet>);
	/** Expected `iss`: the auth server's public origin. */
	issuer: string;
	/** Expected `aud`: the auth server's public origin unless configured otherwise. */
	audience: string;
}

/** Why a token was refused, as a code a client can act on. */
export class JwtRejectedError extends Error {
	override name = "JwtRejectedError";
	constructor(
		readonly code: "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_WRONG_ISSUER_OR_AUDIENCE" | "TOKEN_UNKNOWN_KEY",
		message: string,
	) {
		super(message);
	}
}

export type JwtVerifier = (token: string) => Promise<VerifiedPayload>;

/**
 * Verifies Gatehouse JWTs: RS256 only, issuer, audience, expiry, and a subject.
 *
 * A client sends the same token with every call for days, and the RSA check is the largest cost
 * of a JWT-protected request: tokens that verified are remembered (until they expire, at most
 * 10 minutes, 10,000 of them), so a repeat costs a map lookup. Only valid tokens are kept.
 */
export function createJwtVerifier({ jwks, issuer, audience }: JwtVerifierOptions): JwtVerifier {
	const getKey = jwks instanceof URL ? createRemoteJWKSet(jwks) : reloadingKeySet(jwks);
	const verified = new Map<string, { payload: VerifiedPayload; until: number }>();
	return async (token) => {
		const now = Date.now();
		const hit = verified.get(token);
		if (hit && hit.until > now) return hit.payload;
		if (hit) verified.delete(token);
		let payload: VerifiedPayload;
		try {
			({ payload } = (await jwtVerify(token, getKey, {
				algorithms: ["RS256"],
				issuer,
				audience,
				requiredClaims: ["sub", "exp"],
			})) as { payload: VerifiedPayload });
		} catch (error) {
			throw toRejection(error);
		}
		if (verified.size >= VERIFIED_TOKENS_MAX) verified.delete(verified.keys().next().value!);
		verified.set(token, { payload, until: Math.min(payload.exp! * 1000, now + VERIFIED_TOKEN_TTL_MS) });
		return payload;
	};
}

type VerifiedPayload = JWTPayload & { sub: string };
const VERIFIED_TOKENS_MAX = 10_000;
const VERIFIED_TOKEN_TTL_MS = 10 * 60 * 1000;

function toRejection(error: unknown): JwtRejectedError | unknown {
	if (error instanceof errors.JWTExpired) return new JwtRejectedError("TOKEN_EXPIRED", "The token has expired; sign in again.");
	if (error instanceof errors.JWTClaimValidationFailed) {
		return error.claim === "iss" || error.claim === "aud"
			? new JwtRejectedError("TOKEN_WRONG_ISSUER_OR_AUDIENCE", `The token was issued for another server (${error.claim}).`)
			: new JwtRejectedError("TOKEN_INVALID", `The token's ${error.claim} claim is missing or invalid.`);
	}
	if (error instanceof errors.JWKSNoMatchingKey) {
		return new JwtRejectedError("TOKEN_UNKNOWN_KEY", "The token was signed with a key this server does not know.");
	}
	if (error instanceof errors.JOSEError) return new JwtRejectedError("TOKEN_INVALID", "The token is malformed or its signature does not verify.");
	return error; // e.g. the key set could not be loaded: not the client's fault
}

/** A local key set that reloads, at most every 30 s, when a token names a key it has not seen. */
function reloadingKeySet(load: () => Promise<JSONWebKeySet>): JWTVerifyGetKey {
	let keySet: Promise<JWTVerifyGetKey> | undefined;
	let loadedAt = 0;
	const reload = () => {
		loadedAt = Date.now();
		keySet = load().then((jwks) => createLocalJWKSet(jwks));
		keySet.catch(() => (keySet = undefined));
		return keySet;
	};
	return async (header, token) => {
		try {
			return await (await (keySet ?? reload()))(header, token);
		} catch (error) {
			if (!(error instanceof errors.JWKSNoMatchingKey) || Date.now() - loadedAt < 30_000) throw error;
			return (await reload())(header, token);
		}
	};
}

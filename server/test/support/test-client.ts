import { createAuthClient } from "better-auth/client";
import { jwtClient } from "better-auth/client/plugins";
import { TRUSTED_ORIGIN } from "./test-server.js";

let nextAddress = 1;
/** A distinct client address per test client, so rate limits apply per client as in production. */
export function uniqueIp(): string {
	const n = nextAddress++;
	return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export interface ClientOptions {
	/** The page's origin, sent as `Origin`; null sends none. */
	origin?: string | null;
	/** The client address, sent through the trusted proxy header. */
	ip?: string;
}

export interface JsonResponse<T = any> {
	status: number;
	body: T;
	headers: Headers;
}

/** A browser-like HTTP client: keeps cookies, sends an Origin. */
export class TestClient {
	readonly cookies = new Map<string, string>();
	readonly origin: string | null;
	readonly ip: string;

	constructor(
		readonly baseURL: string,
		options: ClientOptions = {},
	) {
		this.origin = options.origin === undefined ? TRUSTED_ORIGIN : options.origin;
		this.ip = options.ip ?? uniqueIp();
	}

	fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
		const request = new Request(input, init);
		const headers = new Headers(request.headers);
		if (this.cookies.size > 0) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
		if (this.origin) headers.set("origin", this.origin);
		headers.set("x-forwarded-for", this.ip);
		const response = await fetch(new Request(request, { headers }));
		for (const line of response.headers.getSetCookie()) {
			const [pair = "", ...attributes] = line.split(";");
			const equals = pair.indexOf("=");
			const name = pair.slice(0, equals).trim();
			const value = pair.slice(equals + 1).trim();
			const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
			if (expired) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		return response;
	};

	/** `init` adds fetch options (an abort `signal`, say). */
	async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, init: RequestInit = {}): Promise<JsonResponse<T>> {
		const response = await this.fetch(new URL(path, this.baseURL), {
			...init,
			method,
			headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
			body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
		});
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : null;
		} catch {}
		return { status: response.status, body: parsed as T, headers: response.headers };
	}

	/** The official Better Auth client, sending through this client's cookie jar. */
	authClient() {
		return createAuthClient({
			baseURL: this.baseURL,
			plugins: [jwtClient()],
			fetchOptions: { customFetchImpl: this.fetch },
		});
	}
}

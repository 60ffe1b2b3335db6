/**
 * Exact's OAuth endpoints (reference §1): the authorize URL, the token endpoint (code exchange and
 * refresh, form-encoded, secret in the body) and current/Me. Only upstream-guarded URLs are called.
 */
import type { Clock } from "../../shared/clock";
import { assertAllowedUpstream } from "../exactHosts";
import { GatewayError } from "../errors";
import type { ChainTokens, ExactUser } from "../store/types";

const UPSTREAM_TIMEOUT_MS = 15_000;

/** The token endpoint answered with an OAuth error (400 JSON, often with a `Reason` header). */
export class TokenEndpointError extends Error {
  constructor(
    readonly status: number,
    readonly oauthError: string,
    readonly description: string,
    readonly reason: string | null,
  ) {
    super(`Exact token endpoint: ${status} ${oauthError}`);
    this.name = "TokenEndpointError";
  }

  get tooEarly(): boolean {
    return /TooEarlyToRefreshTokens|access_token not expired/i.test(
      `${this.reason ?? ""} ${this.description}`,
    );
  }
}

/** Exact answered 401 to an access token (expired early, or its chain was killed). */
export class ExactUnauthorizedError extends Error {
  constructor() {
    super("Exact Online rejected the access token");
    this.name = "ExactUnauthorizedError";
  }
}

export function exactUnreachable(baseUrl: string): GatewayError {
  return new GatewayError(
    502,
    "exact_unavailable",
    `Exact Online could not be reached at ${new URL(baseUrl).host}. Try again in a moment.`,
  );
}

/** fetch() for Exact: only allowed hosts, no redirects followed, a timeout, network errors made clear. */
export async function upstream(url: string, init: RequestInit): Promise<Response> {
  const target = assertAllowedUpstream(url);
  try {
    return await fetch(target, {
      ...init,
      redirect: "manual",
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
  } catch {
    throw exactUnreachable(target.origin);
  }
}

export function authorizeUrl(
  baseUrl: string,
  params: { clientId: string; redirectUri: string; state: string },
): string {
  const url = new URL("/api/oauth2/auth", baseUrl);
  url.searchParams.set("client_id", params.clientId);
  url.searchParams.set("redirect_uri", params.redirectUri);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("state", params.state);
  url.searchParams.set("force_login", "0");
  return assertAllowedUpstream(url).toString();
}

export class ExactOAuthClient {
  constructor(private readonly clock: Clock) {}

  exchangeCode(
    baseUrl: string,
    params: { clientId: string; clientSecret: string; redirectUri: string; code: string },
  ): Promise<ChainTokens> {
    return this.tokenRequest(baseUrl, {
      grant_type: "authorization_code",
      code: params.code,
      redirect_uri: params.redirectUri,
      client_id: params.clientId,
      client_secret: params.clientSecret,
    });
  }

  refresh(
    baseUrl: string,
    params: { clientId: string; clientSecret: string; refreshToken: string },
  ): Promise<ChainTokens> {
    return this.tokenRequest(baseUrl, {
      grant_type: "refresh_token",
      refresh_token: params.refreshToken,
      client_id: params.clientId,
      client_secret: params.clientSecret,
    });
  }

  async readMe(
    baseUrl: string,
    accessToken: string,
  ): Promise<{ user: ExactUser; currentDivision: number | null }> {
    const res = await upstream(new URL("/api/v1/current/Me", baseUrl).toString(), {
      headers: { accept: "application/json", authorization: `Bearer ${accessToken}` },
    });
    if (res.status === 401) throw new ExactUnauthorizedError();
    if (!res.ok) {
      if (res.status >= 500) throw exactUnreachable(baseUrl);
      throw new GatewayError(
        502,
        "exact_error",
        `Exact Online answered ${res.status} when reading the signed-in user.`,
      );
    }
    let body: { d?: { results?: Record<string, unknown>[] } | Record<string, unknown> };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new GatewayError(
        502,
        "exact_error",
        "Exact Online answered current/Me with an unreadable response.",
      );
    }
    const d = (body ?? {}).d as { results?: Record<string, unknown>[] } | undefined;
    const me = d?.results?.[0] ?? (d as Record<string, unknown> | undefined);
    if (!me || typeof me.UserID !== "string") {
      throw new GatewayError(502, "exact_error", "Exact Online answered current/Me without a user.");
    }
    return {
      user: {
        id: me.UserID.toLowerCase(),
        fullName: String(me.FullName ?? ""),
        userName: String(me.UserName ?? ""),
        email: typeof me.Email === "string" && me.Email !== "" ? me.Email : null,
      },
      currentDivision: typeof me.CurrentDivision === "number" ? me.CurrentDivision : null,
    };
  }

  private async tokenRequest(baseUrl: string, form: Record<string, string>): Promise<ChainTokens> {
    const sentAt = this.clock.now();
    const res = await upstream(new URL("/api/oauth2/token", baseUrl).toString(), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams(form).toString(),
    });
    const receivedAt = this.clock.now();
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Exact sometimes answers a bare "400 Bad Request" (reused code): handled below.
    }
    if (!res.ok) {
      if (res.status >= 500) throw exactUnreachable(baseUrl);
      throw new TokenEndpointError(
        res.status,
        typeof json.error === "string" ? json.error : "invalid_grant",
        typeof json.error_description === "string" ? json.error_description : "",
        res.headers.get("reason"),
      );
    }
    const expiresIn = Number(json.expires_in); // a JSON string ("600") at Exact
    if (
      typeof json.access_token !== "string" ||
      typeof json.refresh_token !== "string" ||
      String(json.token_type).toLowerCase() !== "bearer" ||
      !Number.isFinite(expiresIn) ||
      expiresIn <= 0
    ) {
      throw new GatewayError(
        502,
        "exact_error",
        "Exact Online answered the token request with an unexpected response.",
      );
    }
    return {
      accessToken: json.access_token,
      refreshToken: json.refresh_token,
      accessIssuedAt: receivedAt,
      accessExpiresAt: sentAt + expiresIn * 1000,
    };
  }
}

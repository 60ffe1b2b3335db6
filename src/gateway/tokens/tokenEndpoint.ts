/**
 * Exact's OAuth endpoints (reference §1): the authorize URL and the token endpoint (code exchange and
 * refresh, form-encoded, client secret in the body). Each grant is a request (`tokenRequestBody`)
 * and a processing step (`processTokenResponse`) that checks Exact's answer — `expires_in` arrives as
 * a JSON string ("600"). Only the gateway's allowed Exact hosts are called.
 */
import type { Clock } from "../../shared/clock";
import { exactUnreachable, type ExactHosts } from "../exact/hosts";
import { GatewayError } from "../errors";
import type { ChainTokens } from "../store/types";

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

  /** Exact will never refresh this chain again: its user must sign in again. */
  get endsChain(): boolean {
    return this.oauthError === "invalid_grant" || /refresh token expired/i.test(this.description);
  }
}

export type TokenGrant =
  | { grant: "authorization_code"; clientId: string; clientSecret: string; redirectUri: string; code: string }
  | { grant: "refresh_token"; clientId: string; clientSecret: string; refreshToken: string };

export function authorizeUrl(
  hosts: ExactHosts,
  baseUrl: string,
  params: { clientId: string; redirectUri: string; state: string },
): string {
  const url = new URL("/api/oauth2/auth", baseUrl);
  url.searchParams.set("client_id", params.clientId);
  url.searchParams.set("redirect_uri", params.redirectUri);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("state", params.state);
  url.searchParams.set("force_login", "0");
  return hosts.assertAllowed(url).toString();
}

/** The form Exact's token endpoint expects: the secret travels in the body, not in Basic auth. */
export function tokenRequestBody(grant: TokenGrant): URLSearchParams {
  const common = { client_id: grant.clientId, client_secret: grant.clientSecret };
  return grant.grant === "authorization_code"
    ? new URLSearchParams({
        grant_type: "authorization_code",
        code: grant.code,
        redirect_uri: grant.redirectUri,
        ...common,
      })
    : new URLSearchParams({ grant_type: "refresh_token", refresh_token: grant.refreshToken, ...common });
}

/** Checks the token endpoint's answer; `sentAt`/`receivedAt` bound the access token's life. */
export async function processTokenResponse(
  res: Response,
  baseUrl: string,
  timing: { sentAt: number; receivedAt: number },
): Promise<ChainTokens> {
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
    accessIssuedAt: timing.receivedAt,
    accessExpiresAt: timing.sentAt + expiresIn * 1000,
  };
}

/** The token endpoint of one gateway: its clock and its allowed hosts. */
export class TokenEndpoint {
  constructor(
    private readonly clock: Clock,
    private readonly hosts: ExactHosts,
  ) {}

  async request(baseUrl: string, grant: TokenGrant): Promise<ChainTokens> {
    const sentAt = this.clock.now();
    const res = await this.hosts.fetch(new URL("/api/oauth2/token", baseUrl).toString(), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: tokenRequestBody(grant).toString(),
    });
    return processTokenResponse(res, baseUrl, { sentAt, receivedAt: this.clock.now() });
  }
}

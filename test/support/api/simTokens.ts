/**
 * A test-only TokenSource that signs a user in at the simulator directly (auto-approve authorize
 * redirect + token endpoint), so the Exact client and scheduler can be tested without the gateway's
 * sign-in. Counts refreshes so tests can assert the 401 → refresh-once rule.
 */
import type { TokenSource } from "../../../src/gateway/contracts";
import { GatewayError } from "../../../src/gateway/errors";

export interface SimApp {
  clientId: string;
  clientSecret: string;
}

const REDIRECT_URI = "http://127.0.0.1:9/callback";

export class SimTokenSource implements TokenSource {
  refreshes = 0;
  private accessToken = "";
  private refreshToken = "";

  private constructor(
    private readonly baseUrl: string,
    private readonly app: SimApp,
  ) {}

  static redirectUri = REDIRECT_URI;

  /** Signs in as the simulator's auto-approve user (it must know REDIRECT_URI for the app). */
  static async signIn(baseUrl: string, app: SimApp): Promise<SimTokenSource> {
    const source = new SimTokenSource(baseUrl, app);
    const authorize = new URL("/api/oauth2/auth", baseUrl);
    authorize.search = new URLSearchParams({
      client_id: app.clientId,
      redirect_uri: REDIRECT_URI,
      response_type: "code",
      state: "test-state",
    }).toString();
    const redirect = await fetch(authorize, { redirect: "manual" });
    const location = redirect.headers.get("location");
    if (!location) throw new Error(`authorize answered ${redirect.status} without a redirect`);
    const code = new URL(location).searchParams.get("code");
    if (!code) throw new Error(`authorize redirected without a code: ${location}`);
    await source.token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI });
    return source;
  }

  async getAccessToken(): Promise<string> {
    return this.accessToken;
  }

  async refreshAfterUnauthorized(_chainId: string, rejectedToken: string): Promise<string> {
    if (rejectedToken !== this.accessToken) return this.accessToken;
    this.refreshes += 1;
    await this.token({ grant_type: "refresh_token", refresh_token: this.refreshToken });
    return this.accessToken;
  }

  private async token(grant: Record<string, string>): Promise<void> {
    const response = await fetch(new URL("/api/oauth2/token", this.baseUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        ...grant,
        client_id: this.app.clientId,
        client_secret: this.app.clientSecret,
      }),
    });
    const body = (await response.json()) as { access_token?: string; refresh_token?: string; error?: string };
    if (!response.ok || !body.access_token || !body.refresh_token) {
      // Like the gateway's token chains: a live chain refused "too early" is not a dead one.
      const tooEarly = body.error === "access_denied" && grant.grant_type === "refresh_token";
      throw tooEarly
        ? new GatewayError(503, "exact_error", "Exact Online refused a new access token this early.")
        : new GatewayError(
            401,
            "reauth_required",
            "Exact Online no longer accepts this sign-in. Sign in again.",
          );
    }
    this.accessToken = body.access_token;
    this.refreshToken = body.refresh_token;
  }
}

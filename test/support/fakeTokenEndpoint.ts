/**
 * A token endpoint that behaves like Exact's for refreshes (rotation, the 570 s minimum, invalid_grant
 * for an obsolete refresh token) and counts what it answered: token-chain tests stand it in for Exact.
 */
import type { VirtualClock } from "../../src/shared/clock";
import type { ChainTokens } from "../../src/gateway/store/types";
import {
  TokenEndpointError,
  type TokenEndpoint,
  type TokenGrant,
} from "../../src/gateway/tokens/tokenEndpoint";

export class FakeTokenEndpoint {
  refreshes = 0;
  tooEarly = 0;
  invalidGrant = 0;
  current = "refresh-0";
  issuedAt: number;
  /** Runs while a refresh is on its way to the endpoint (to stage races). */
  duringRefresh?: () => Promise<void>;
  constructor(private readonly clock: VirtualClock) {
    this.issuedAt = clock.now();
  }
  grant(): ChainTokens {
    this.issuedAt = this.clock.now();
    this.current = `refresh-${this.refreshes}`;
    return {
      accessToken: `access-${this.refreshes}`,
      refreshToken: this.current,
      accessIssuedAt: this.issuedAt,
      accessExpiresAt: this.issuedAt + 600_000,
    };
  }
  client(): Pick<TokenEndpoint, "request"> {
    return {
      request: async (_base: string, params: TokenGrant) => {
        if (params.grant !== "refresh_token") throw new Error("only refreshes here");
        await this.duringRefresh?.();
        await new Promise((resolve) => setTimeout(resolve, 5)); // a real round trip takes time
        if (params.refreshToken !== this.current) {
          this.invalidGrant++;
          throw new TokenEndpointError(400, "invalid_grant", "Old refresh token used", null);
        }
        if (this.clock.now() - this.issuedAt < 570_000) {
          this.tooEarly++;
          throw new TokenEndpointError(
            400,
            "access_denied",
            "Rate limit exceeded: access_token not expired",
            "TooEarlyToRefreshTokens",
          );
        }
        this.refreshes++;
        return this.grant();
      },
    };
  }
}

/**
 * Access tokens for token chains (one per Exact user + client ID + country, shared by all that user's
 * sessions). Refreshes only when Exact allows it (the last 30 s of the 600 s life, never before 570 s)
 * or after a 401, single-flight per chain, and stores the rotated refresh token before returning.
 */
import type { Clock } from "../../shared/clock";
import type { Country } from "../../shared/countries";
import type { TokenSource } from "../contracts";
import { constantTimeEqual } from "../crypto/random";
import { GatewayError } from "../errors";
import type { AuthStore, ChainRecord, ChainTokens } from "../store/types";
import { InProcessChainLock, type ChainLock } from "./chainLock";
import { TokenEndpointError, type TokenEndpoint } from "./tokenEndpoint";

/** Exact rejects refreshes earlier than this after the previous token was issued. */
export const EARLIEST_REFRESH_MS = 570_000;
/** Refresh in the last 30 s before expiry. */
export const REFRESH_WINDOW_MS = 30_000;

export const REAUTH_MESSAGE = "Your Exact Online sign-in has ended. Sign in again (EOL task pane).";

export function reauthRequired(): GatewayError {
  return new GatewayError(401, "reauth_required", REAUTH_MESSAGE);
}

/** The moment a chain's access token should be refreshed: never before Exact's 570 s minimum. */
export function refreshDueAt(chain: Pick<ChainRecord, "accessIssuedAt" | "accessExpiresAt">): number {
  return Math.max(chain.accessIssuedAt + EARLIEST_REFRESH_MS, chain.accessExpiresAt - REFRESH_WINDOW_MS);
}

/** Tokens that belong to no chain yet (a login's, kept after a failed identity read), and where they live. */
export interface KeptTokens {
  tokens: ChainTokens;
  country: Country;
  clientId: string;
  clientSecret: string;
  /** Stores rotated tokens in place of these; false when their owner has ended meanwhile. */
  keep(tokens: ChainTokens): Promise<boolean>;
}

export interface ChainTokenOptions {
  store: AuthStore;
  /** The token endpoint (only `request` is used, so tests can stand in for Exact). */
  endpoint: Pick<TokenEndpoint, "request">;
  clock: Clock;
  baseUrlFor(country: Country): string;
  lock?: ChainLock;
}

export class ChainTokenService implements TokenSource {
  private readonly lock: ChainLock;
  /** Refreshes under way: a shutdown waits for them, so a rotated refresh token is never lost. */
  private readonly refreshing = new Set<Promise<unknown>>();

  constructor(private readonly options: ChainTokenOptions) {
    this.lock = options.lock ?? new InProcessChainLock();
  }

  async getAccessToken(chainId: string): Promise<string> {
    const chain = await this.liveChain(chainId);
    if (this.options.clock.now() < refreshDueAt(chain)) return chain.accessToken;
    return this.lock.withLock(chainId, async () => {
      const current = await this.liveChain(chainId);
      // Another caller may have refreshed while we waited for the lock.
      if (this.options.clock.now() < refreshDueAt(current)) return current.accessToken;
      return this.refreshLocked(current);
    });
  }

  async refreshAfterUnauthorized(chainId: string, rejectedToken: string): Promise<string> {
    return this.lock.withLock(chainId, async () => {
      const current = await this.liveChain(chainId);
      if (!constantTimeEqual(current.accessToken, rejectedToken)) return current.accessToken;
      return this.refreshLocked(current);
    });
  }

  /**
   * Runs `work` alone for `owner` (a chain id, or `login:<id>` for a login's kept tokens), across
   * instances on PostgreSQL: the one lock every refresh of the gateway runs under.
   */
  exclusive<T>(owner: string, work: () => Promise<T>): Promise<T> {
    return this.lock.withLock(owner, work);
  }

  /**
   * Kept tokens, refreshed first when due (same rule as a chain's), the rotated ones stored before they
   * are returned. Null when Exact refuses the refresh token or the owner has ended. Call it inside
   * `exclusive()` for the owner, so a refresh token is never used twice.
   */
  async freshKept(kept: KeptTokens): Promise<ChainTokens | null> {
    if (this.options.clock.now() < refreshDueAt(kept.tokens)) return kept.tokens;
    const refresh = this.refreshKept(kept);
    this.refreshing.add(refresh);
    void refresh.finally(() => this.refreshing.delete(refresh)).catch(() => undefined);
    return refresh;
  }

  /** Resolves once every refresh under way has finished (stored or failed). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.refreshing]);
  }

  private async liveChain(chainId: string): Promise<ChainRecord> {
    const chain = await this.options.store.getChain(chainId);
    if (!chain || chain.status !== "live") throw reauthRequired();
    return chain;
  }

  private refreshLocked(chain: ChainRecord): Promise<string> {
    const refresh = this.refreshAndStore(chain);
    this.refreshing.add(refresh);
    void refresh.finally(() => this.refreshing.delete(refresh)).catch(() => undefined);
    return refresh;
  }

  private async refreshKept(kept: KeptTokens): Promise<ChainTokens | null> {
    let tokens;
    try {
      tokens = await this.options.endpoint.request(this.options.baseUrlFor(kept.country), {
        grant: "refresh_token",
        clientId: kept.clientId,
        clientSecret: kept.clientSecret,
        refreshToken: kept.tokens.refreshToken,
      });
    } catch (error) {
      if (error instanceof TokenEndpointError) return null;
      throw error;
    }
    return (await kept.keep(tokens)) ? tokens : null;
  }

  private async refreshAndStore(chain: ChainRecord): Promise<string> {
    const { store, endpoint, clock } = this.options;
    let tokens;
    try {
      tokens = await endpoint.request(this.options.baseUrlFor(chain.country), {
        grant: "refresh_token",
        clientId: chain.clientId,
        clientSecret: chain.clientSecret,
        refreshToken: chain.refreshToken,
      });
    } catch (error) {
      if (!(error instanceof TokenEndpointError)) throw error;
      if (error.tooEarly) {
        throw new GatewayError(
          503,
          "exact_error",
          "Exact Online refused a new access token this early. Try again in a minute.",
        );
      }
      if (error.endsChain) {
        if (await store.markChainDead(chain.id, chain.version, clock.now())) throw reauthRequired();
        // A new sign-in replaced the tokens while we refreshed with the old ones: use the new ones.
        return (await this.liveChain(chain.id)).accessToken;
      }
      throw new GatewayError(
        502,
        "exact_error",
        "Exact Online refused to renew the access token. Sign in again if this persists.",
      );
    }
    // Persist the rotated refresh token before anyone uses the new access token.
    if (await store.rotateChain(chain.id, chain.version, tokens, clock.now())) return tokens.accessToken;
    // A new sign-in replaced the chain meanwhile; its tokens win.
    return (await this.liveChain(chain.id)).accessToken;
  }
}

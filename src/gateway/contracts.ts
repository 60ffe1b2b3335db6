/**
 * Seams between the gateway's parts, so sign-in (auth/, store/, tokens/) and data access (exact/,
 * scheduler/, cache/, api/) can evolve independently.
 */
import type { Country } from "../shared/countries";

/** The signed-in caller of a data route, resolved from the Bearer session token. */
export interface SessionContext {
  sessionId: string;
  /** Exact's UserID (GUID) of the signed-in user. */
  userId: string;
  userName: string;
  /** The user's full name as Exact gave it at sign-in (absent in contexts made without a session). */
  fullName?: string;
  /** Token chain shared by all of this user's sessions for this app (one per user + client ID + country). */
  chainId: string;
  /** Normalised client ID (lower-case GUID without braces): the key of Exact's rate-limit budget. */
  clientId: string;
  country: Country;
  /** Exact base URL for this session (country host, EOL_EXACT_BASE_URL, or the demo simulator). */
  exactBaseUrl: string;
  /** Me.CurrentDivision at sign-in (may be a division the app was not granted). */
  currentDivision: number | null;
}

/** Access tokens for a chain. Implementations refresh only inside Exact's allowed window. */
export interface TokenSource {
  /** A valid access token for the chain, refreshing single-flight when it is in its last 30 s. */
  getAccessToken(chainId: string): Promise<string>;
  /**
   * Exact answered 401 to `rejectedToken`: refresh once (single-flight) unless another caller already
   * did, and return the new token. Throws GatewayError "reauth_required" when the chain is dead.
   */
  refreshAfterUnauthorized(chainId: string, rejectedToken: string): Promise<string>;
}

/** How a result-cache look-up was served: stored answer, a new fetch, or a fetch already in flight. */
export type CacheLookup = "hit" | "miss" | "joined";

/**
 * What the gateway's parts report for operators: Prometheus metrics and warn-level log lines
 * (plugins/metrics.ts). One small interface, so the Exact client, token refresh, cache and scheduler
 * record without knowing how it is kept.
 */
export interface GatewayTelemetry {
  /** One HTTP call to Exact: its status, or null when it got none (network error, time-out). */
  exactCall(status: number | null): void;
  /** How long a call waited for its division's budget and a free slot, in milliseconds. */
  queueWait(division: number | null, ms: number): void;
  /** A refresh at Exact's token endpoint; "chain_ended" means the user must sign in again. */
  tokenRefresh(outcome: "ok" | "chain_ended" | "failed"): void;
  cacheLookup(result: CacheLookup): void;
}

export const NO_TELEMETRY: GatewayTelemetry = {
  exactCall: () => undefined,
  queueWait: () => undefined,
  tokenRefresh: () => undefined,
  cacheLookup: () => undefined,
};

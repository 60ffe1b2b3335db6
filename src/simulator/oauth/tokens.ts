/**
 * OAuth state: authorization codes, refresh-token chains and access tokens, all timed against the
 * simulator's clock (reference §1.5–§1.6). One chain per (user, app); every refresh rotates the
 * refresh token; a new authorization kills the previous chain.
 */
import { randomBytes } from "node:crypto";
import type { Clock } from "../../shared/clock";
import { normaliseClientId } from "../apps";

export const CODE_LIFETIME_MS = 3 * 60_000;
export const ACCESS_TOKEN_LIFETIME_MS = 600_000;
export const EARLIEST_REFRESH_MS = 570_000;
export const REFRESH_IDLE_LIFETIME_MS = 30 * 86_400_000;

export interface TokenPolicy {
  /** Token-endpoint calls per user+app per UTC day (Exact announcement 2021, Medium confidence). */
  tokenQuotaPerDay: number;
  /** Status for a refresh before 570 s: 400 observed (websmurf#31), 401 in an older Exact text (OSSO). */
  earlyRefreshStatus: 400 | 401;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  userId: string;
  divisions: number[];
  issuedAt: number;
  used: boolean;
}

export interface Chain {
  id: string;
  clientId: string;
  userId: string;
  divisions: number[];
  alive: boolean;
  refreshToken: string;
  /** When the current access/refresh pair was issued (early-refresh and idle-expiry checks). */
  issuedAt: number;
}

export interface AccessGrant {
  chainId: string;
  clientId: string;
  userId: string;
  divisions: number[];
  expiresAt: number;
}

export interface TokenResponse {
  access_token: string;
  token_type: "bearer";
  expires_in: string;
  refresh_token: string;
}

/** A token-endpoint refusal: status, body (JSON object or plain text) and optional `Reason` header. */
export interface TokenFailure {
  status: number;
  body: Record<string, string> | string;
  reason?: string;
}

export type TokenOutcome =
  | { ok: true; response: TokenResponse; userId: string; clientId: string }
  | { ok: false; failure: TokenFailure; userId: string | null; clientId: string | null };

const CHAIN_ERROR = "Token is not allowed, because of invalid or empty chainId";

function opaque(prefix: string, bytes: number): string {
  return prefix + randomBytes(bytes).toString("base64url");
}

/** Exact's .NET-style timestamp in error texts, e.g. "10/11/2022 9:18:20 PM" (UTC here). */
function dotNetTime(ms: number): string {
  const d = new Date(ms);
  const hours = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${hours % 12 || 12}:${pad(d.getUTCMinutes())}:${pad(
    d.getUTCSeconds(),
  )} ${hours < 12 ? "AM" : "PM"}`;
}

export class TokenService {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly chains = new Map<string, Chain>();
  private readonly chainByUserApp = new Map<string, string>();
  private readonly refreshTokens = new Map<string, string>();
  private readonly accessTokens = new Map<string, AccessGrant>();
  private readonly quotaUse = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    readonly policy: TokenPolicy,
  ) {}

  issueCode(clientId: string, redirectUri: string, userId: string, divisions: number[]): string {
    const code = opaque("XTzM!IAAA", 180);
    this.codes.set(code, {
      clientId: normaliseClientId(clientId),
      redirectUri,
      userId,
      divisions: [...divisions],
      issuedAt: this.clock.now(),
      used: false,
    });
    return code;
  }

  /** grant_type=authorization_code, after the client's ID and secret were checked. */
  exchangeCode(clientId: string, code: string, redirectUri: string): TokenOutcome {
    const client = normaliseClientId(clientId);
    const entry = this.codes.get(code);
    // Reused, expired or foreign codes get a bare 400 Bad Request (PICQER README).
    const bare: TokenFailure = { status: 400, body: "Bad Request" };
    if (!entry) return { ok: false, failure: bare, userId: null, clientId: client };
    const quota = this.countCall(entry.userId, client);
    if (quota) return { ok: false, failure: quota, userId: entry.userId, clientId: client };
    const expired = this.clock.now() - entry.issuedAt > CODE_LIFETIME_MS;
    if (entry.used || expired || entry.clientId !== client || entry.redirectUri !== redirectUri) {
      entry.used = true;
      return { ok: false, failure: bare, userId: entry.userId, clientId: client };
    }
    entry.used = true;
    const previous = this.chainByUserApp.get(`${entry.userId}|${client}`);
    if (previous) this.kill(previous);
    const chain: Chain = {
      id: opaque("", 12),
      clientId: client,
      userId: entry.userId,
      divisions: entry.divisions,
      alive: true,
      refreshToken: "",
      issuedAt: 0,
    };
    this.chains.set(chain.id, chain);
    this.chainByUserApp.set(`${entry.userId}|${client}`, chain.id);
    return { ok: true, response: this.issue(chain), userId: chain.userId, clientId: client };
  }

  /** grant_type=refresh_token, after the client's ID and secret were checked. */
  refresh(clientId: string, refreshToken: string): TokenOutcome {
    const client = normaliseClientId(clientId);
    const chain = this.chains.get(this.refreshTokens.get(refreshToken) ?? "");
    const chainError: TokenFailure = {
      status: 400,
      body: { error: "invalid_grant", error_description: CHAIN_ERROR },
      reason: `Unknown: ${CHAIN_ERROR}`,
    };
    if (!chain || chain.clientId !== client)
      return { ok: false, failure: chainError, userId: null, clientId: client };
    const quota = this.countCall(chain.userId, client);
    if (quota) return { ok: false, failure: quota, userId: chain.userId, clientId: client };
    if (!chain.alive || chain.refreshToken !== refreshToken) {
      return { ok: false, failure: chainError, userId: chain.userId, clientId: client };
    }
    const now = this.clock.now();
    const expiresAt = chain.issuedAt + REFRESH_IDLE_LIFETIME_MS;
    if (now > expiresAt) {
      this.kill(chain.id);
      const text = `The refresh token expired at ${dotNetTime(expiresAt)} and it is now ${dotNetTime(now)}.`;
      return {
        ok: false,
        failure: { status: 400, body: { error: "invalid_request", error_description: text } },
        userId: chain.userId,
        clientId: client,
      };
    }
    if (now - chain.issuedAt < EARLIEST_REFRESH_MS) {
      const text = "Rate limit exceeded: access_token not expired";
      return {
        ok: false,
        failure: {
          status: this.policy.earlyRefreshStatus,
          body: { error: "access_denied", error_description: text },
          reason: `TooEarlyToRefreshTokens: ${text}`,
        },
        userId: chain.userId,
        clientId: client,
      };
    }
    return { ok: true, response: this.issue(chain), userId: chain.userId, clientId: client };
  }

  /** Implicit grant (response_type=token): an access token only, no refresh token (reference §1.2). */
  issueImplicit(clientId: string, userId: string, divisions: number[]): string {
    const accessToken = opaque("AAEAA", 448);
    this.accessTokens.set(accessToken, {
      chainId: "",
      clientId: normaliseClientId(clientId),
      userId,
      divisions: [...divisions],
      expiresAt: this.clock.now() + ACCESS_TOKEN_LIFETIME_MS,
    });
    return accessToken;
  }

  /** The grant behind a Bearer token, or null when it is unknown, expired or its chain was killed. */
  authenticate(accessToken: string): AccessGrant | null {
    const grant = this.accessTokens.get(accessToken);
    if (!grant) return null;
    const chainDead = grant.chainId !== "" && !this.chains.get(grant.chainId)?.alive;
    if (this.clock.now() >= grant.expiresAt || chainDead) {
      this.accessTokens.delete(accessToken);
      return null;
    }
    return grant;
  }

  /** Test hook: the live chain of a user+app, if any. */
  chainFor(userId: string, clientId: string): Chain | undefined {
    const id = this.chainByUserApp.get(`${userId}|${normaliseClientId(clientId)}`);
    const chain = id ? this.chains.get(id) : undefined;
    return chain?.alive ? chain : undefined;
  }

  private issue(chain: Chain): TokenResponse {
    const now = this.clock.now();
    this.refreshTokens.delete(chain.refreshToken);
    chain.refreshToken = opaque("Gcp7!IAAA", 200);
    chain.issuedAt = now;
    this.refreshTokens.set(chain.refreshToken, chain.id);
    const accessToken = opaque("AAEAA", 448);
    this.accessTokens.set(accessToken, {
      chainId: chain.id,
      clientId: chain.clientId,
      userId: chain.userId,
      divisions: chain.divisions,
      expiresAt: now + ACCESS_TOKEN_LIFETIME_MS,
    });
    return {
      access_token: accessToken,
      token_type: "bearer",
      expires_in: String(ACCESS_TOKEN_LIFETIME_MS / 1000),
      refresh_token: chain.refreshToken,
    };
  }

  /** Kills a chain: its refresh token and all its access tokens stop working. */
  private kill(chainId: string): void {
    const chain = this.chains.get(chainId);
    if (!chain) return;
    chain.alive = false;
    this.refreshTokens.delete(chain.refreshToken);
    for (const [token, grant] of this.accessTokens)
      if (grant.chainId === chainId) this.accessTokens.delete(token);
  }

  /** Counts a token call against the daily user+app quota; a failure once it is exceeded. */
  private countCall(userId: string, clientId: string): TokenFailure | null {
    const day = Math.floor(this.clock.now() / 86_400_000);
    const key = `${userId}|${clientId}|${day}`;
    const used = (this.quotaUse.get(key) ?? 0) + 1;
    this.quotaUse.set(key, used);
    if (used <= this.policy.tokenQuotaPerDay) return null;
    const text = "Rate limit exceeded: maximum number of token requests per day reached";
    // Status and text are unverified: Exact announced the quota but no rejection was ever captured.
    return {
      status: 400,
      body: { error: "access_denied", error_description: text },
      reason: `TooManyTokenRequests: ${text}`,
    };
  }
}

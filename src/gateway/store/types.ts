/**
 * The sign-in store: logins (short-lived), sessions (bearer tokens, stored as hashes) and token chains
 * (one per Exact user + client ID + country), implemented once (recordStore.ts) for SQLite and
 * PostgreSQL; every single-use step is one atomic "claim" so two requests can never both win.
 * Records hold secrets in plain text in memory; the store encrypts them at rest.
 */
import type { Country } from "../../shared/countries";

export type LoginStatus = "pending" | "completed" | "failed" | "redeemed";

export interface ExactUser {
  id: string;
  fullName: string;
  userName: string;
  email: string | null;
}

export interface LoginRecord {
  id: string;
  /** SHA-256 of the add-in's login secret. */
  secretHash: string;
  country: Country;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  managed: boolean;
  /** SHA-256 of the current OAuth state; null once used (or before the start page was opened). */
  stateHash: string | null;
  status: LoginStatus;
  createdAt: number;
  expiresAt: number;
  chainId: string | null;
  user: ExactUser | null;
  currentDivision: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  /**
   * SHA-256 of the one-time completion code the callback hands to the window that ran the sign-in;
   * redeem requires it, so a login started by someone else and approved by a victim cannot be redeemed.
   */
  completionHash: string | null;
  /**
   * The tokens of the code exchange, kept (encrypted at rest) while reading the user's identity
   * (current/Me) failed: the identity read is retried with them instead of asking for a new consent.
   * Null otherwise; cleared once the login completes or fails, and purged with the login.
   */
  keptTokens: ChainTokens | null;
}

/** A login just started: not yet at Exact, no outcome, nothing kept. */
export const NEW_LOGIN_OUTCOME = {
  stateHash: null,
  status: "pending",
  chainId: null,
  user: null,
  currentDivision: null,
  errorCode: null,
  errorMessage: null,
  completionHash: null,
  keptTokens: null,
} as const satisfies Partial<LoginRecord>;

/** What a pending login keeps when the identity read after the code exchange failed. */
export interface KeptLoginTokens {
  tokens: ChainTokens;
  errorCode: string;
  errorMessage: string;
  /** SHA-256 of the completion code the sign-in window presents to retry. */
  completionHash: string;
}

export interface SessionRecord {
  id: string;
  /** SHA-256 of the session token; the token itself is never stored. */
  tokenHash: string;
  chainId: string;
  user: ExactUser;
  country: Country;
  clientId: string;
  currentDivision: number | null;
  managed: boolean;
  createdAt: number;
  lastUsedAt: number;
}

export interface ChainTokens {
  accessToken: string;
  /** When the access token was received (the earliest refresh is 570 s after this). */
  accessIssuedAt: number;
  /** When Exact considers it expired (sent-at + expires_in). */
  accessExpiresAt: number;
  refreshToken: string;
}

export interface ChainRecord extends ChainTokens {
  id: string;
  userId: string;
  clientId: string;
  country: Country;
  clientSecret: string;
  status: "live" | "dead";
  /** Increases with every rotation; guards against lost updates. */
  version: number;
  updatedAt: number;
}

export interface NewChain extends ChainTokens {
  userId: string;
  clientId: string;
  country: Country;
  clientSecret: string;
}

/** Times (epoch ms) before which records are expired; see AuthStore.purge. */
export interface PurgeCutoffs {
  now: number;
  sessionIdleBefore: number;
  sessionCreatedBefore: number;
}

export interface PurgeCounts {
  logins: number;
  sessions: number;
  chains: number;
}

/** Exact's window for counting error answers (and how long its block lasts): ledgers forget older ones. */
export const ERROR_WINDOW_MS = 3_600_000;

/**
 * Where Exact's error answers are counted per key — (chain, division, endpoint), (chain, division), and
 * QUERY's part of each — in memory or, for several gateways on one PostgreSQL, shared (coordination/): the counts that keep them clear of
 * Exact's error block (exact/errorBudget.ts). Each user's division look-ups are counted here too
 * (data/lookUpAllowance.ts): a count of events within the last hour.
 */
export interface ErrorLedger {
  /** Notes one error answer for `key` at `at`. */
  record(key: string, at: number): Promise<void>;
  /** Times (epoch ms) of the errors for `key` at or after `since`, oldest first. */
  errorsSince(key: string, since: number): Promise<number[]>;
  /** Exact blocked `key` until `until`. */
  block(key: string, until: number): Promise<void>;
  /** The end of a block of `key` still running at `now`, else null. */
  blockedUntil(key: string, now: number): Promise<number | null>;
}

export interface AuthStore {
  /** Access-review snapshots and signed-off reviews (the same database as the records). */
  readonly reviews: ReviewStore;
  createLogin(login: LoginRecord): Promise<void>;
  getLogin(id: string): Promise<LoginRecord | null>;
  /** Binds a fresh state to a pending login (replacing an unused earlier one). */
  setLoginState(id: string, stateHash: string): Promise<boolean>;
  /** Single use: true for exactly one caller presenting the current state of a pending login. */
  claimLoginState(id: string, stateHash: string): Promise<boolean>;
  /** Completes a pending login (dropping any kept tokens: they now live on the chain). */
  completeLogin(
    id: string,
    result: { chainId: string; user: ExactUser; currentDivision: number | null; completionHash: string },
  ): Promise<void>;
  /** Ends a pending login with an error (dropping any kept tokens). */
  failLogin(id: string, code: string, message: string): Promise<void>;
  /** Keeps (or replaces) a pending login's tokens and last failure; false when it is no longer pending. */
  keepLoginTokens(id: string, kept: KeptLoginTokens): Promise<boolean>;
  /** Atomically marks a completed login redeemed and creates its session; false when already redeemed. */
  redeemLogin(id: string, session: SessionRecord): Promise<boolean>;
  deleteExpiredLogins(now: number): Promise<number>;

  getSessionByTokenHash(tokenHash: string): Promise<SessionRecord | null>;
  /** The session and whether its chain is live, in one read (the check every /api request makes). */
  getSessionWithChain(tokenHash: string): Promise<{ session: SessionRecord; chainLive: boolean } | null>;
  touchSession(id: string, now: number): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Signs out every session on this chain (the same user and app). */
  deleteSessionsOfChain(chainId: string): Promise<number>;

  /** Creates or replaces the chain of (user, client ID, country): a new sign-in supersedes the old chain. */
  upsertChain(chain: NewChain, now: number): Promise<ChainRecord>;
  getChain(id: string): Promise<ChainRecord | null>;
  /** Whether the chain exists and is live, without decrypting anything (checked on every request). */
  isChainLive(id: string): Promise<boolean>;
  /** Stores rotated tokens if the chain is still at `expectedVersion`. */
  rotateChain(id: string, expectedVersion: number, tokens: ChainTokens, now: number): Promise<boolean>;
  /**
   * Marks the chain dead unless it changed since `expectedVersion` (a new sign-in revived it), and in the
   * same step deletes its sessions: a later sign-in that revives the chain never brings them back.
   */
  markChainDead(id: string, expectedVersion: number, now: number): Promise<boolean>;

  /**
   * Deletes what can never be used again: logins past their expiry, sessions idle since before
   * `sessionIdleBefore` or created before `sessionCreatedBefore`, and dead chains (with their sessions).
   */
  purge(cutoffs: PurgeCutoffs): Promise<PurgeCounts>;

  close(): Promise<void>;
}

/** What an access-review answer served, as kept under its snapshot id. */
export interface StoredSnapshot {
  id: string;
  /** The Exact user it was served to: only they may sign it off. */
  userId: string;
  licence: string;
  /** Identifies the scope (divisions and roles) so the next review finds the last one of the same scope. */
  scopeKey: string;
  servedAt: number;
  expiresAt: number;
  /** The served answer as JSON. */
  content: string;
}

/** A signed-off review as stored: `evidenceJson` is the canonical JSON whose SHA-256 is `hash`. */
export interface StoredReview {
  id: string;
  licence: string;
  /** Position in the licence's chain, from 1. */
  sequence: number;
  scopeKey: string;
  snapshotId: string;
  reviewerId: string;
  signedAt: number;
  evidenceJson: string;
  previousHash: string | null;
  hash: string;
  /** Counts for lists, derived from the evidence. */
  summaryJson: string;
}

/**
 * Access reviews: snapshots (kept 24 hours) and signed-off reviews, append-only — nothing here updates
 * or deletes a review.
 */
export interface ReviewStore {
  /** Keeps a snapshot (and forgets those expired before `now`). */
  saveSnapshot(snapshot: StoredSnapshot, now: number): Promise<void>;
  getSnapshot(id: string): Promise<StoredSnapshot | null>;
  /**
   * Appends the review `build` makes from the licence's last review (null for the first) at the end of
   * that licence's chain, in one transaction; "signed" when the snapshot was signed off already.
   */
  appendReview(
    licence: string,
    snapshotId: string,
    build: (last: StoredReview | null) => StoredReview,
  ): Promise<StoredReview | "signed">;
  getReview(id: string): Promise<StoredReview | null>;
  /** The licence's reviews, newest first, without their evidence (evidenceJson is ""). */
  listReviews(licence: string): Promise<StoredReview[]>;
  /** The licence's reviews from the first up to `sequence` (the last when not given), in order. */
  chainUpTo(licence: string, sequence?: number): Promise<StoredReview[]>;
  /** The licence's last review of a scope, or null. */
  lastReviewOfScope(licence: string, scopeKey: string): Promise<StoredReview | null>;
}

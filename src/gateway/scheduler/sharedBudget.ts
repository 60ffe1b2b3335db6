/**
 * The rate budget of a (client ID, division) as several gateways see it. With one gateway process the
 * scheduler's in-memory DivisionBudget is the whole budget (processRateBudget.ts); on PostgreSQL every
 * instance also reserves each call in one shared row first (store/postgresRateBudget.ts), so together
 * they stay within Exact's 60 a minute and 5000 a day.
 */
import type { BudgetDecision } from "./budget";

/** One user's part of a budget's minute: at most `limit` calls (the rest is kept for other users). */
export interface UserShare {
  user: string;
  limit: number;
}

/** `shareSpent`: the budget has calls left, but not for this user until the next minute (`until`). */
export type SharedDecision = BudgetDecision | { kind: "shareSpent"; until: number };
import type { RateLimitSnapshot } from "./rateLimitHeaders";

export interface SharedRateBudget {
  /**
   * Atomically takes one call from the budget `key` at `now` (and from `share`, when given, the user's
   * part of this minute across instances), or says how long to wait.
   */
  reserve(key: string, division: number | null, now: number, share?: UserShare): Promise<SharedDecision>;
  /** Learns from an answer's rate-limit headers (resets already on our clock). */
  learn(key: string, division: number | null, snapshot: RateLimitSnapshot, now: number): Promise<void>;
  /** Exact answered 429 for the minute. */
  markMinuteSpent(key: string, division: number | null, resetAt: number | null, now: number): Promise<void>;
  /** Exact answered 429 for the day. */
  markDaySpent(key: string, division: number | null, resetAt: number | null): Promise<void>;
}

/**
 * What we know about one (client ID, division) rate-limit budget, learned from Exact's headers and
 * kept conservative: what a header says is left, minus our calls still in flight (they may not be
 * counted in it yet). Headers from a window that is already over are ignored. Until the first header
 * arrives, Exact's documented limits (60 a minute, 5000 a day) are assumed.
 */
import { GatewayError } from "../errors";
import type { RateLimitSnapshot } from "./rateLimitHeaders";

export const ASSUMED_MINUTE_LIMIT = 60;
export const ASSUMED_DAY_LIMIT = 5000;
/** Longest wait for a minute window (a reset far ahead would be a clock problem, not a budget). */
export const MAX_MINUTE_WAIT_MS = 61_000;
const SKEWED_RESET_WAIT_MS = 1000;

export type BudgetDecision =
  { kind: "send" } | { kind: "wait"; until: number } | { kind: "dayExhausted"; resetAt: number | null };

export interface BudgetWindow {
  limit: number | null;
  /** Left per Exact's latest answer (or our rollover), not counting calls in flight. */
  remaining: number | null;
  resetAt: number | null;
}

/** A budget's two windows as stored (a shared budget keeps them in the database). */
export interface BudgetWindows {
  minute: BudgetWindow;
  day: BudgetWindow;
}

export class DivisionBudget {
  private readonly minute: BudgetWindow = { limit: null, remaining: null, resetAt: null };
  private readonly day: BudgetWindow = { limit: null, remaining: null, resetAt: null };
  /** Calls sent and not yet answered. */
  inFlight = 0;
  lastUsedAt = 0;

  constructor(readonly division: number | null) {}

  get minuteLimit(): number | null {
    return this.minute.limit;
  }
  get minuteRemaining(): number | null {
    return this.minute.remaining === null ? null : Math.max(0, this.minute.remaining - this.inFlight);
  }
  get minuteResetAt(): number | null {
    return this.minute.resetAt;
  }
  get dayLimit(): number | null {
    return this.day.limit;
  }
  get dayRemaining(): number | null {
    return this.day.remaining === null ? null : Math.max(0, this.day.remaining - this.inFlight);
  }
  get dayResetAt(): number | null {
    return this.day.resetAt;
  }

  static restore(division: number | null, windows: BudgetWindows): DivisionBudget {
    const budget = new DivisionBudget(division);
    Object.assign(budget.minute, windows.minute);
    Object.assign(budget.day, windows.day);
    return budget;
  }

  windows(): BudgetWindows {
    return { minute: { ...this.minute }, day: { ...this.day } };
  }

  /**
   * Counts one call against the windows themselves: a shared budget has no calls in flight of its own,
   * so a reservation lowers what is left until Exact's headers (or a reset) say otherwise.
   */
  reserve(): void {
    this.minute.remaining = (this.minute.remaining ?? this.minute.limit ?? ASSUMED_MINUTE_LIMIT) - 1;
    this.day.remaining = (this.day.remaining ?? this.day.limit ?? ASSUMED_DAY_LIMIT) - 1;
  }

  /** May a call be sent at `now`? Rolls windows over once their reset time has passed. */
  decide(now: number): BudgetDecision {
    this.rollOver(now);
    const dayLeft = (this.day.remaining ?? ASSUMED_DAY_LIMIT) - this.inFlight;
    if (this.day.remaining !== null && this.day.remaining <= 0) {
      return { kind: "dayExhausted", resetAt: this.day.resetAt };
    }
    const minuteLeft = (this.minute.remaining ?? ASSUMED_MINUTE_LIMIT) - this.inFlight;
    if (minuteLeft <= 0 || dayLeft <= 0) {
      // Without a known reset, check again shortly (answers in flight will tell us more).
      const until = this.minute.resetAt ?? now + SKEWED_RESET_WAIT_MS;
      return { kind: "wait", until: Math.min(until, now + MAX_MINUTE_WAIT_MS) };
    }
    return { kind: "send" };
  }

  /** A call is being sent. */
  take(now: number): void {
    this.lastUsedAt = now;
    this.inFlight += 1;
  }

  /** The call was answered (or failed without an answer). */
  settle(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** Learns from a response's headers (missing headers leave our knowledge unchanged). */
  learn(snapshot: RateLimitSnapshot, now: number): void {
    this.rollOver(now);
    const minuteReset = capMinuteReset(snapshot.minuteResetAt, now);
    merge(this.minute, snapshot.minuteLimit, snapshot.minuteRemaining, minuteReset, now);
    merge(this.day, snapshot.dayLimit, snapshot.dayRemaining, snapshot.dayResetAt, now);
  }

  /** Exact said 429 for the minute: nothing is left until the reset. */
  markMinuteSpent(resetAt: number | null, now: number): void {
    this.minute.remaining = 0;
    // A reset already past by our clock (clocks differ) still means "not now": wait a moment.
    const known = capMinuteReset(resetAt ?? this.minute.resetAt, now);
    this.minute.resetAt = known !== null && known > now ? known : now + SKEWED_RESET_WAIT_MS;
  }

  markDaySpent(resetAt: number | null): void {
    this.day.remaining = 0;
    if (resetAt !== null) this.day.resetAt = resetAt;
  }

  /** Brings the windows up to date (a reset that has passed means a fresh window). */
  rollOver(now: number): void {
    for (const window of [this.minute, this.day]) {
      if (window.resetAt !== null && now >= window.resetAt) {
        window.remaining = window.limit;
        window.resetAt = null;
      }
    }
  }
}

/** A minute window ends at the latest 61 s from now, whatever a (skewed) header says. */
function capMinuteReset(resetAt: number | null, now: number): number | null {
  return resetAt === null ? null : Math.min(resetAt, now + MAX_MINUTE_WAIT_MS);
}

const SAME_WINDOW_MS = 2000;

/** Within one window the remaining count only goes down, so the lower value wins. */
function merge(
  window: BudgetWindow,
  limit: number | null,
  remaining: number | null,
  resetAt: number | null,
  now: number,
): void {
  if (limit !== null) window.limit = limit;
  if (remaining === null) return;
  // Resets moved onto our clock jitter by up to a second (Date has whole seconds), and the next window
  // is a minute on: resets this close together belong to the same window.
  const stale =
    resetAt !== null &&
    (resetAt <= now || (window.resetAt !== null && resetAt < window.resetAt - SAME_WINDOW_MS));
  if (stale) return;
  const newer = resetAt !== null && window.resetAt !== null && resetAt > window.resetAt + SAME_WINDOW_MS;
  window.remaining = window.remaining === null || newer ? remaining : Math.min(window.remaining, remaining);
  if (resetAt !== null)
    window.resetAt = newer || window.resetAt === null ? resetAt : Math.max(window.resetAt, resetAt);
}

/** The budget's daily window is spent: every call of this division fails until the reset. */
export function dailyLimitError(division: number | null, resetAt: number | null): GatewayError {
  const where = division === null ? "this app" : `division ${division}`;
  const when = resetAt ? ` It resets at ${new Date(resetAt).toISOString()}.` : "";
  return new GatewayError(
    429,
    "daily_limit_reached",
    `Exact Online's daily call limit for ${where} is used up.${when}`,
  );
}

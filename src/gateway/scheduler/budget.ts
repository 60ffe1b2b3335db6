/**
 * What we know about one (client ID, division) rate-limit budget, learned from Exact's headers and
 * kept conservative: every call we send is counted before its answer arrives, and a header only ever
 * lowers what we think is left within the same window.
 */
import type { RateLimitSnapshot } from "../exact/rateLimitHeaders";

export type BudgetDecision =
  { kind: "send" } | { kind: "wait"; until: number } | { kind: "dayExhausted"; resetAt: number | null };

export class DivisionBudget {
  minuteLimit: number | null = null;
  minuteRemaining: number | null = null;
  minuteResetAt: number | null = null;
  dayLimit: number | null = null;
  dayRemaining: number | null = null;
  dayResetAt: number | null = null;
  lastUsedAt = 0;

  constructor(readonly division: number | null) {}

  /** May a call be sent at `now`? Rolls windows over once their reset time has passed. */
  decide(now: number): BudgetDecision {
    this.rollOver(now);
    if (this.dayRemaining !== null && this.dayRemaining <= 0) {
      return { kind: "dayExhausted", resetAt: this.dayResetAt };
    }
    if (this.minuteRemaining !== null && this.minuteRemaining <= 0) {
      // No known reset: wait a short while rather than send into a certain 429.
      return { kind: "wait", until: this.minuteResetAt ?? now + 1000 };
    }
    return { kind: "send" };
  }

  /** Counts a call as sent. */
  take(now: number): void {
    this.lastUsedAt = now;
    if (this.minuteRemaining !== null) this.minuteRemaining -= 1;
    if (this.dayRemaining !== null) this.dayRemaining -= 1;
  }

  /** Learns from a response's headers (missing headers leave our knowledge unchanged). */
  learn(snapshot: RateLimitSnapshot, now: number): void {
    this.rollOver(now);
    if (snapshot.minuteLimit !== null) this.minuteLimit = snapshot.minuteLimit;
    if (snapshot.dayLimit !== null) this.dayLimit = snapshot.dayLimit;
    if (snapshot.minuteRemaining !== null) {
      const sameWindow = snapshot.minuteResetAt === null || snapshot.minuteResetAt === this.minuteResetAt;
      this.minuteRemaining =
        sameWindow && this.minuteRemaining !== null
          ? Math.min(this.minuteRemaining, snapshot.minuteRemaining)
          : snapshot.minuteRemaining;
      if (snapshot.minuteResetAt !== null) this.minuteResetAt = snapshot.minuteResetAt;
    }
    if (snapshot.dayRemaining !== null) {
      const sameWindow = snapshot.dayResetAt === null || snapshot.dayResetAt === this.dayResetAt;
      this.dayRemaining =
        sameWindow && this.dayRemaining !== null
          ? Math.min(this.dayRemaining, snapshot.dayRemaining)
          : snapshot.dayRemaining;
      if (snapshot.dayResetAt !== null) this.dayResetAt = snapshot.dayResetAt;
    }
  }

  /** Exact said 429 for the minute: nothing is left until the reset. */
  markMinuteSpent(resetAt: number | null, now: number): void {
    this.minuteRemaining = 0;
    this.minuteResetAt = resetAt ?? this.minuteResetAt ?? now + 60_000;
  }

  markDaySpent(resetAt: number | null): void {
    this.dayRemaining = 0;
    if (resetAt !== null) this.dayResetAt = resetAt;
  }

  private rollOver(now: number): void {
    if (this.minuteResetAt !== null && now >= this.minuteResetAt) {
      this.minuteRemaining = this.minuteLimit;
      this.minuteResetAt = null;
    }
    if (this.dayResetAt !== null && now >= this.dayResetAt) {
      this.dayRemaining = this.dayLimit;
      this.dayResetAt = null;
    }
  }
}

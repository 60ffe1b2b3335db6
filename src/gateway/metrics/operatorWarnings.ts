/**
 * Refusals an operator should hear about: one warn-level line per kind and text per minute (with how
 * many were left out), so a workbook recalculating a thousand cells against a spent limit does not
 * flood the log. The lines carry the user-facing message, which never holds a secret or token.
 */
import type { Clock } from "../../shared/clock";

/** Error codes worth a warning, with what they mean for the operator. */
export const OPERATOR_WARNINGS: Readonly<Record<string, string>> = {
  exact_unavailable: "Exact Online is unreachable (after the retries) or kept answering 429",
  daily_limit_reached: "A division's daily Exact budget refused a request",
  error_limit_reached: "The error allowance refused a request before Exact would block the app",
  exact_blocked: "Exact Online blocks the app for a division and endpoint",
  too_many_requests: "The /auth rate limit refused a client",
};

export const WARNING_WINDOW_MS = 60_000;
/** Distinct warnings remembered at once; beyond it the memory starts over (bounded, never growing). */
const MAX_REMEMBERED = 1_000;

export class WarningThrottle {
  private readonly seen = new Map<string, { until: number; suppressed: number }>();

  constructor(private readonly clock: Clock) {}

  /** Whether to log `key` now, and how many of it were left out since the last line. */
  admit(key: string): { log: boolean; suppressed: number } {
    const now = this.clock.now();
    const known = this.seen.get(key);
    if (known && now < known.until) {
      known.suppressed += 1;
      return { log: false, suppressed: 0 };
    }
    if (this.seen.size >= MAX_REMEMBERED) this.seen.clear();
    this.seen.set(key, { until: now + WARNING_WINDOW_MS, suppressed: 0 });
    return { log: true, suppressed: known?.suppressed ?? 0 };
  }
}

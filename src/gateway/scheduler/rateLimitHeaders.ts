/**
 * Exact's `X-RateLimit-*` response headers, each possibly absent. Reset times are Exact's clock (UTC
 * epoch milliseconds); given our `now`, they are moved onto our clock using the response's `Date`
 * header, so a server clock ahead of or behind ours does not stall or rush the budget.
 */
export interface RateLimitSnapshot {
  dayLimit: number | null;
  dayRemaining: number | null;
  dayResetAt: number | null;
  minuteLimit: number | null;
  minuteRemaining: number | null;
  minuteResetAt: number | null;
}

function readNumber(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === "") return null;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** Clocks closer than this agree as far as `Date` (whole seconds) and the trip can tell. */
const AGREEING_CLOCKS_MS = 2000;

/** Our clock minus Exact's (from the `Date` header), or 0 when they agree or there is no usable one. */
export function clockOffset(headers: Headers, now: number): number {
  const date = Date.parse(headers.get("date") ?? "");
  if (!Number.isFinite(date) || Math.abs(now - date) < AGREEING_CLOCKS_MS) return 0;
  return now - date;
}

export function readRateLimitHeaders(headers: Headers, now?: number): RateLimitSnapshot {
  const offset = now === undefined ? 0 : clockOffset(headers, now);
  const reset = (name: string): number | null => {
    const value = readNumber(headers, name);
    return value === null ? null : value + offset;
  };
  return {
    dayLimit: readNumber(headers, "x-ratelimit-limit"),
    dayRemaining: readNumber(headers, "x-ratelimit-remaining"),
    dayResetAt: reset("x-ratelimit-reset"),
    minuteLimit: readNumber(headers, "x-ratelimit-minutely-limit"),
    minuteRemaining: readNumber(headers, "x-ratelimit-minutely-remaining"),
    minuteResetAt: reset("x-ratelimit-minutely-reset"),
  };
}

/** Whether the answer carries any rate-limit header (Exact's error block answers 429 without them). */
export function hasRateLimitHeaders(snapshot: RateLimitSnapshot): boolean {
  return Object.values(snapshot).some((value) => value !== null);
}

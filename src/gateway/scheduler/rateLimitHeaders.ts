/** Exact's `X-RateLimit-*` response headers (all times UTC epoch milliseconds), each possibly absent. */
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

export function readRateLimitHeaders(headers: Headers): RateLimitSnapshot {
  return {
    dayLimit: readNumber(headers, "x-ratelimit-limit"),
    dayRemaining: readNumber(headers, "x-ratelimit-remaining"),
    dayResetAt: readNumber(headers, "x-ratelimit-reset"),
    minuteLimit: readNumber(headers, "x-ratelimit-minutely-limit"),
    minuteRemaining: readNumber(headers, "x-ratelimit-minutely-remaining"),
    minuteResetAt: readNumber(headers, "x-ratelimit-minutely-reset"),
  };
}

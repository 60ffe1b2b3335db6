/**
 * Exact's API limits per (client ID, division): N calls per clock minute and M per UTC day (reference §3).
 * Windows are fixed: the minute resets at the next whole minute, the day at 00:00 UTC. Header values
 * are epoch milliseconds. A 429 carries only the headers of the limit that was hit.
 */
import type { Clock } from "../shared/clock";

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface RateLimits {
  minuteLimit: number;
  dayLimit: number;
}

interface Bucket {
  minuteStart: number;
  minuteUsed: number;
  dayStart: number;
  dayUsed: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Which limit refused the call. */
  exceeded: "minute" | "day" | null;
  headers: Record<string, string>;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: RateLimits,
  ) {}

  /** Counts one call against the bucket, or refuses it with a 429 decision. */
  take(bucketKey: string): RateDecision {
    const now = this.clock.now();
    const minuteStart = Math.floor(now / MINUTE) * MINUTE;
    const dayStart = Math.floor(now / DAY) * DAY;
    let bucket = this.buckets.get(bucketKey);
    if (!bucket) {
      bucket = { minuteStart, minuteUsed: 0, dayStart, dayUsed: 0 };
      this.buckets.set(bucketKey, bucket);
    }
    if (bucket.minuteStart !== minuteStart) Object.assign(bucket, { minuteStart, minuteUsed: 0 });
    if (bucket.dayStart !== dayStart) Object.assign(bucket, { dayStart, dayUsed: 0 });

    const daily = (remaining: number) => ({
      "X-RateLimit-Limit": String(this.limits.dayLimit),
      "X-RateLimit-Remaining": String(Math.max(0, remaining)),
      "X-RateLimit-Reset": String(dayStart + DAY),
    });
    const minutely = (remaining: number) => ({
      "X-RateLimit-Minutely-Limit": String(this.limits.minuteLimit),
      "X-RateLimit-Minutely-Remaining": String(Math.max(0, remaining)),
      "X-RateLimit-Minutely-Reset": String(minuteStart + MINUTE),
    });

    if (bucket.dayUsed >= this.limits.dayLimit) return { allowed: false, exceeded: "day", headers: daily(0) };
    if (bucket.minuteUsed >= this.limits.minuteLimit)
      return { allowed: false, exceeded: "minute", headers: minutely(0) };
    bucket.dayUsed++;
    bucket.minuteUsed++;
    return {
      allowed: true,
      exceeded: null,
      headers: {
        ...daily(this.limits.dayLimit - bucket.dayUsed),
        ...minutely(this.limits.minuteLimit - bucket.minuteUsed),
      },
    };
  }
}

/**
 * The optional "10 errors per key, user, company and endpoint per hour" block (reference §3.1, Medium).
 * What a blocked call looks like was never captured, so the response is the simulator's choice.
 */
export class ErrorBlocker {
  private readonly errors = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly maxErrorsPerHour = 10,
  ) {}

  isBlocked(key: string): boolean {
    return (this.blockedUntil.get(key) ?? 0) > this.clock.now();
  }

  record(key: string, status: number): void {
    if (![400, 401, 403, 404].includes(status)) return;
    const now = this.clock.now();
    const recent = (this.errors.get(key) ?? []).filter((time) => time > now - 3_600_000);
    recent.push(now);
    this.errors.set(key, recent);
    if (recent.length >= this.maxErrorsPerHour) this.blockedUntil.set(key, now + 3_600_000);
  }
}

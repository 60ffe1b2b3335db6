/**
 * Numeric configuration variables. Every one has a range: a value beyond it (a typo, an extra digit)
 * would otherwise reach timers, SQL intervals or date arithmetic and break them far from the cause
 * (a session lifetime of 10^20 days overflowed every PostgreSQL purge). The message names the range.
 */
import { ConfigError } from "./problems";

type Env = Record<string, string | undefined>;

export interface NumberRange {
  min: number;
  max: number;
  fallback: number;
  /** What a special value means, said in the refusal. */
  note?: string;
}

/** A whole number within `range`; unset or empty gives the fallback. */
export function readBoundedInt(env: Env, name: string, range: NumberRange): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return range.fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < range.min || value > range.max) {
    throw new ConfigError(
      name,
      `must be a whole number from ${range.min} to ${range.max}${range.note ? ` (${range.note})` : ""}; got "${raw}"`,
    );
  }
  return value;
}

const KiB = 1024;
const MiB = 1024 * KiB;

/** The ranges of the numeric variables (docs list them in README.md's table). */
export const NUMBER_RANGES = {
  PORT: { min: 0, max: 65_535, fallback: 3000, note: "0 picks a free port" },
  EOL_AUTH_RATE_LIMIT: { min: 1, max: 1_000_000, fallback: 120 },
  EOL_CACHE_TTL_SECONDS: { min: 0, max: 86_400, fallback: 300 },
  EOL_CACHE_MAX_ENTRIES: { min: 1, max: 1_000_000, fallback: 10_000 },
  EOL_EXACT_CONCURRENCY: { min: 1, max: 256, fallback: 8 },
  EOL_EXACT_RETRIES: { min: 0, max: 10, fallback: 3 },
  EOL_EXACT_TIMEOUT_MS: { min: 100, max: 600_000, fallback: 30_000 },
  // Ten years: far beyond any sensible session, far below what dates and SQL intervals can hold.
  EOL_SESSION_IDLE_DAYS: { min: 1, max: 3650, fallback: 30 },
  EOL_SESSION_MAX_DAYS: { min: 1, max: 3650, fallback: 90 },
  EOL_TRUST_PROXY: { min: 0, max: 100, fallback: 0 },
  // How Exact's budgets are shared between users (sharingConfig.ts).
  EOL_LOOKUPS_PER_USER_HOUR: { min: 1, max: 600, fallback: 30 },
  EOL_DIVISION_ERROR_LIMIT: { min: 1, max: 100, fallback: 20 },
  EOL_NO_CACHE_MIN_AGE_SECONDS: { min: 0, max: 300, fallback: 10 },
  EOL_MINUTE_RESERVE: { min: 0, max: 50, fallback: 10 },
  // How big answers may grow (configAnswerLimits.ts): Excel on the web takes 5 MB a result.
  EOL_ANSWER_MAX_ROWS: { min: 100, max: 1_048_575, fallback: 100_000 },
  EOL_ANSWER_MAX_BYTES: { min: 64 * KiB, max: 256 * MiB, fallback: 5 * MiB },
  EOL_ANSWERS_IN_FLIGHT_BYTES: { min: MiB, max: 4096 * MiB, fallback: 32 * MiB },
  EOL_CACHE_MAX_BYTES: { min: MiB, max: 16_384 * MiB, fallback: 64 * MiB },
} as const satisfies Record<string, NumberRange>;

export type NumberVariable = keyof typeof NUMBER_RANGES;

export const readNumberVariable = (env: Env, name: NumberVariable): number =>
  readBoundedInt(env, name, NUMBER_RANGES[name]);

/**
 * How the gateway shares Exact's budgets between its users (docs/api.md, Configuration): the look-ups one
 * user may make, the error allowance per division, how a busy division's minute is split, and how often
 * `Cache-Control: no-cache` may reach Exact for the same answer. Each variable has a range; a value outside
 * it stops the gateway with a message naming the variable and the range.
 */
import { ConfigError, type ProblemCollector } from "./problems";
import { NUMBER_RANGES, readNumberVariable } from "./numbers";
/** How Exact is assumed to count errors towards its block: per endpoint (documented) or per division. */
export type ExactErrorCounting = "endpoint" | "division";

type Env = Record<string, string | undefined>;

export interface SharingConfig {
  /** EOL_LOOKUPS_PER_USER_HOUR: system/Divisions look-ups (to check division arguments) per user an hour. */
  lookupsPerUserHour: number;
  /** EOL_DIVISION_ERROR_LIMIT: Exact's 4xx answers per user and division an hour, all endpoints together. */
  divisionErrorLimit: number;
  /** EOL_EXACT_ERROR_COUNTING: whether Exact counts errors per endpoint (documented) or per division. */
  exactErrorCounting: ExactErrorCounting;
  /** EOL_NO_CACHE_MIN_AGE_SECONDS: a no-cache request this soon after a fetch gets that fetch's answer. */
  noCacheMinAgeSeconds: number;
  /** EOL_MINUTE_RESERVE: calls of a division's minute budget one user cannot take (kept for the others). */
  minuteReserve: number;
}

export const DEFAULT_SHARING: SharingConfig = {
  lookupsPerUserHour: NUMBER_RANGES.EOL_LOOKUPS_PER_USER_HOUR.fallback,
  divisionErrorLimit: NUMBER_RANGES.EOL_DIVISION_ERROR_LIMIT.fallback,
  exactErrorCounting: "endpoint",
  noCacheMinAgeSeconds: NUMBER_RANGES.EOL_NO_CACHE_MIN_AGE_SECONDS.fallback,
  minuteReserve: NUMBER_RANGES.EOL_MINUTE_RESERVE.fallback,
};

function readCounting(env: Env): ExactErrorCounting {
  const raw = env.EOL_EXACT_ERROR_COUNTING;
  if (raw === undefined || raw === "") return DEFAULT_SHARING.exactErrorCounting;
  if (raw === "endpoint" || raw === "division") return raw;
  throw new ConfigError("EOL_EXACT_ERROR_COUNTING", `must be endpoint or division; got "${raw}"`);
}

export function readSharingConfig(env: Env, c: ProblemCollector): SharingConfig {
  const d = DEFAULT_SHARING;
  return {
    lookupsPerUserHour: c.read(
      () => readNumberVariable(env, "EOL_LOOKUPS_PER_USER_HOUR"),
      d.lookupsPerUserHour,
    ),
    divisionErrorLimit: c.read(
      () => readNumberVariable(env, "EOL_DIVISION_ERROR_LIMIT"),
      d.divisionErrorLimit,
    ),
    exactErrorCounting: c.read(() => readCounting(env), d.exactErrorCounting),
    noCacheMinAgeSeconds: c.read(
      () => readNumberVariable(env, "EOL_NO_CACHE_MIN_AGE_SECONDS"),
      d.noCacheMinAgeSeconds,
    ),
    minuteReserve: c.read(() => readNumberVariable(env, "EOL_MINUTE_RESERVE"), d.minuteReserve),
  };
}

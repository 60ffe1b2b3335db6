/**
 * The answer limits' variables (docs/deploy.md): how big one answer may be, how much memory the answers
 * in the making may hold together, and how many bytes the result cache keeps. Each has a range: a value
 * outside it stops the gateway with a ConfigError naming the range.
 */
import { ConfigError, type ProblemCollector } from "./configProblems";

export interface AnswerLimitsConfig {
  /** EOL_ANSWER_MAX_ROWS: rows one answer may hold. */
  maxRows: number;
  /** EOL_ANSWER_MAX_BYTES: bytes one answer's values may take as JSON (Excel on the web: 5 MB a result). */
  maxBytes: number;
  /** EOL_ANSWERS_IN_FLIGHT_BYTES: bytes all answers in the making may hold together. */
  inFlightBytes: number;
  /** EOL_CACHE_MAX_BYTES: bytes the result cache keeps (besides EOL_CACHE_MAX_ENTRIES). */
  cacheMaxBytes: number;
}

const MiB = 1_048_576;

/** Default, smallest and largest value of each variable. */
export const ANSWER_LIMIT_RANGES = {
  EOL_ANSWER_MAX_ROWS: { fallback: 100_000, min: 100, max: 1_048_575 },
  EOL_ANSWER_MAX_BYTES: { fallback: 5 * MiB, min: 64 * 1024, max: 256 * MiB },
  EOL_ANSWERS_IN_FLIGHT_BYTES: { fallback: 32 * MiB, min: MiB, max: 4096 * MiB },
  EOL_CACHE_MAX_BYTES: { fallback: 64 * MiB, min: MiB, max: 16_384 * MiB },
} as const;

type Env = Record<string, string | undefined>;
type Variable = keyof typeof ANSWER_LIMIT_RANGES;

function readInRange(env: Env, name: Variable): number {
  const { fallback, min, max } = ANSWER_LIMIT_RANGES[name];
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!/^\d{1,16}$/.test(raw) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}; got "${raw}"`);
  }
  return value;
}

export function readAnswerLimits(env: Env, c: ProblemCollector): AnswerLimitsConfig {
  const read = (name: Variable) => c.read(() => readInRange(env, name), ANSWER_LIMIT_RANGES[name].fallback);
  const limits: AnswerLimitsConfig = {
    maxRows: read("EOL_ANSWER_MAX_ROWS"),
    maxBytes: read("EOL_ANSWER_MAX_BYTES"),
    inFlightBytes: read("EOL_ANSWERS_IN_FLIGHT_BYTES"),
    cacheMaxBytes: read("EOL_CACHE_MAX_BYTES"),
  };
  c.read(() => {
    // One answer must fit in the memory all answers share, or no answer that large could ever be built.
    if (limits.inFlightBytes < limits.maxBytes) {
      throw new ConfigError(
        "EOL_ANSWERS_IN_FLIGHT_BYTES",
        `must be at least EOL_ANSWER_MAX_BYTES (${limits.maxBytes}), up to ${ANSWER_LIMIT_RANGES.EOL_ANSWERS_IN_FLIGHT_BYTES.max}; got "${limits.inFlightBytes}"`,
      );
    }
  }, undefined);
  return limits;
}

/**
 * The answer limits' variables (docs/deploy.md): how big one answer may be, how much memory the answers
 * in the making may hold together, and how many bytes the result cache keeps. Each has a range: a value
 * outside it stops the gateway with a ConfigError naming the range.
 */
import { NUMBER_RANGES, readNumberVariable } from "./numbers";
import { ConfigError, type ProblemCollector } from "./problems";

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

const ANSWER_LIMIT_VARIABLES = [
  "EOL_ANSWER_MAX_ROWS",
  "EOL_ANSWER_MAX_BYTES",
  "EOL_ANSWERS_IN_FLIGHT_BYTES",
  "EOL_CACHE_MAX_BYTES",
] as const;

type Variable = (typeof ANSWER_LIMIT_VARIABLES)[number];

/** Default, smallest and largest value of each variable (from the one table of number ranges). */
export const ANSWER_LIMIT_RANGES = Object.fromEntries(
  ANSWER_LIMIT_VARIABLES.map((name) => [name, NUMBER_RANGES[name]]),
) as Pick<typeof NUMBER_RANGES, Variable>;

type Env = Record<string, string | undefined>;

export function readAnswerLimits(env: Env, c: ProblemCollector): AnswerLimitsConfig {
  const read = (name: Variable) => c.read(() => readNumberVariable(env, name), NUMBER_RANGES[name].fallback);
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

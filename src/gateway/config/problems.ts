/**
 * Configuration problems: each names its variable and what it accepts, and they are collected so the
 * gateway reports every wrong variable at once instead of one per restart.
 */
export class ConfigError extends Error {
  /** Every problem found (one per line of the message); just this one when it was thrown alone. */
  readonly problems: readonly ConfigError[];
  constructor(
    readonly variable: string,
    message: string,
    problems?: readonly ConfigError[],
  ) {
    super(problems ? problems.map((problem) => problem.message).join("\n") : `${variable}: ${message}`);
    this.name = "ConfigError";
    this.problems = problems ?? [this];
  }
}

/** Reads every variable, keeping the problems so they are all reported at once (not one per restart). */
export class ProblemCollector {
  readonly problems: ConfigError[] = [];
  read<T>(reader: () => T, fallback: T): T {
    try {
      return reader();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.problems.push(...error.problems);
      return fallback;
    }
  }
  throwIfAny(): void {
    if (this.problems.length === 0) return;
    const [first] = this.problems;
    throw new ConfigError(first.variable, first.message, this.problems);
  }
}

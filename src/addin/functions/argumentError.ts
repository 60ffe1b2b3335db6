/**
 * A bad argument to an EOL function. Becomes #VALUE! with "<argument>: <what it accepts>", so the
 * user sees in the cell which argument to fix and how.
 */
export class ArgumentError extends Error {
  constructor(
    readonly argument: string,
    readonly accepts: string,
  ) {
    super(`${argument}: ${accepts}`);
    this.name = "ArgumentError";
  }
}

/**
 * A per-user ceiling on the overhead calls made to check division arguments (filtered reads of
 * system/Divisions, and re-reads of the whole list). Exact charges them to the budget of the caller's
 * current division, which the other users of that division share: counted per user (token chain) over
 * the last hour, one user's look-ups can never spend more than this of anyone's budget. The count lives
 * in the error ledger's store (a windowed event count), so several gateways on one database share it.
 */
import type { Clock } from "../../shared/clock";
import { GatewayError } from "../errors";
import { ERROR_WINDOW_MS, type ErrorLedger } from "../store/types";

const time = (ms: number): string => `${new Date(ms).toISOString().slice(11, 16)} UTC`;

export class LookUpAllowance {
  constructor(
    private readonly clock: Clock,
    private readonly ledger: ErrorLedger,
    /** Look-ups per user an hour. */
    private readonly perHour: number,
    private readonly warn?: (fields: Record<string, unknown>, message: string) => void,
  ) {}

  private key(chainId: string): string {
    return JSON.stringify(["division-look-ups", chainId]);
  }

  /**
   * Counts `calls` look-ups about to be made for the user; throws (429, naming when it lifts) instead when
   * they would take the user's look-ups of the last hour past the ceiling.
   */
  async take(chainId: string, calls: number): Promise<void> {
    const now = this.clock.now();
    const made = await this.ledger.errorsSince(this.key(chainId), now - ERROR_WINDOW_MS);
    if (made.length + calls <= this.perHour) return this.spent(chainId, calls);
    // Enough of the oldest look-ups must leave the hour for these to fit.
    const lifts = made[made.length + calls - this.perHour - 1] as number | undefined;
    const retryAt = (lifts ?? now) + ERROR_WINDOW_MS;
    this.warn?.({ lookUps: made.length, limit: this.perHour }, "division look-up ceiling refused a request");
    throw new GatewayError(
      429,
      "lookup_limit_reached",
      `EOL looked up division numbers for you ${made.length} times in the last hour, its limit per user being ${this.perHour} (look-ups spend the Exact budget your colleagues share). Ask for divisions you can open (=EOL.DIVISIONS() lists them), or try again after ${time(retryAt)}.`,
    );
  }

  /** Counts `calls` look-ups made for the user (a whole-list read of several pages). */
  async spent(chainId: string, calls: number): Promise<void> {
    const now = this.clock.now();
    for (let i = 0; i < calls; i += 1) await this.ledger.record(this.key(chainId), now);
  }
}

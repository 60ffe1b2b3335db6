/**
 * The gateway-wide budget for answers in the making: every request reserves the bytes of the data it
 * holds (fetched pages, cached listings it uses) and gives them back once its answer has gone. So N
 * users each below the per-answer limit cannot together hold more than the budget; a request whose
 * next page does not fit is refused (503, Retry-After) and its reservation freed at once. Refusing
 * instead of queueing mid-answer means two half-built answers can never wait on each other.
 */
import { GatewayError } from "../errors";
import { formatMegabytes } from "./answerSize";

/** Seconds a refused request is told to wait: long enough for the answers in progress to finish. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

export class MemoryBudget {
  private used = 0;
  private peak = 0;

  constructor(readonly capacityBytes: number) {}

  /** Takes `bytes` when they fit, else nothing. */
  tryReserve(bytes: number): boolean {
    if (this.used + bytes > this.capacityBytes) return false;
    this.used += bytes;
    this.peak = Math.max(this.peak, this.used);
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  /** Bytes held now and the most held at once (for operators and the bench). */
  usage(): { usedBytes: number; peakBytes: number; capacityBytes: number } {
    return { usedBytes: this.used, peakBytes: this.peak, capacityBytes: this.capacityBytes };
  }
}

export function gatewayBusy(budget: MemoryBudget): GatewayError {
  return new GatewayError(
    503,
    "gateway_busy",
    `The gateway is busy with other large answers (${formatMegabytes(budget.capacityBytes)} in progress). Try again in a few seconds.`,
    BUSY_RETRY_AFTER_SECONDS,
  );
}

/**
 * The rate budget of one gateway process: the scheduler's own DivisionBudget already counts every call
 * this process makes and learns every answer's rate-limit headers, and there is no other instance to
 * share with, so there is nothing further to reserve or learn. Several instances use
 * store/postgresRateBudget.ts instead, through the same interface (coordination/).
 */
import type { RateLimitSnapshot } from "./rateLimitHeaders";
import type { SharedDecision, SharedRateBudget } from "./sharedBudget";

export class ProcessRateBudget implements SharedRateBudget {
  async reserve(): Promise<SharedDecision> {
    return { kind: "send" };
  }

  async learn(_key: string, _division: number | null, _snapshot: RateLimitSnapshot): Promise<void> {}

  async markMinuteSpent(): Promise<void> {}

  async markDaySpent(): Promise<void> {}
}

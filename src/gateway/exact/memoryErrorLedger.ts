/**
 * The error ledger of one gateway process (exact/errorBudget.ts; several gateways share
 * store/postgresErrorLedger.ts instead). Keys hold what a caller chose (a QUERY's resource name), so both
 * maps are least-recently-used caches with a hard bound: 15,000 different unknown resources cost a
 * bounded amount of memory, and a key left alone for an hour is gone.
 */
import { LRUCache } from "lru-cache";
import type { Clock } from "../../shared/clock";
import { ERROR_WINDOW_MS, type ErrorLedger } from "../store/types";

/** Keys remembered at most (each a few hundred bytes). The per-division ceiling keeps real use far below. */
export const MAX_LEDGER_KEYS = 20_000;

export class MemoryErrorLedger implements ErrorLedger {
  private readonly errors: LRUCache<string, number[]>;
  private readonly blocks: LRUCache<string, number>;

  constructor(clock?: Clock) {
    const timing = clock ? { perf: clock, ttlResolution: 0 } : {};
    this.errors = new LRUCache({ max: MAX_LEDGER_KEYS, ttl: ERROR_WINDOW_MS, ...timing });
    this.blocks = new LRUCache({ max: MAX_LEDGER_KEYS, ...timing });
  }

  async record(key: string, at: number): Promise<void> {
    // Only the last hour matters; older entries are dropped as new ones arrive.
    const kept = (this.errors.get(key) ?? []).filter((time) => time > at - ERROR_WINDOW_MS);
    kept.push(at);
    this.errors.set(key, kept);
  }

  async errorsSince(key: string, since: number): Promise<number[]> {
    const recent = (this.errors.get(key, { updateAgeOnGet: false }) ?? []).filter((time) => time >= since);
    if (recent.length === 0) this.errors.delete(key); // nothing left to count: forget the key
    return recent;
  }

  async block(key: string, until: number): Promise<void> {
    this.blocks.set(key, Math.max(until, this.blocks.get(key) ?? 0));
  }

  async blockedUntil(key: string, now: number): Promise<number | null> {
    const until = this.blocks.get(key);
    if (until === undefined) return null;
    if (until > now) return until;
    this.blocks.delete(key);
    return null;
  }

  /** Keys held now (for the memory-bound test). */
  get size(): number {
    return this.errors.size + this.blocks.size;
  }
}

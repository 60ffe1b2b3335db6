/**
 * The answer cache of several instances on one store: the store keeps the answers (and fetches a miss
 * once across instances, cache/sharedCache.ts); this process only joins identical requests of its own
 * on one trip to the store. One process uses cache/resultCache.ts instead (coordination/).
 */
import type { Clock } from "../../shared/clock";
import type { CacheLookup } from "../contracts";
import { cacheKey, type AnswerCache, type CacheKeyParts, type Cached } from "./resultCache";
import type { SharedCacheStats, SharedResultCache } from "./sharedCache";

export interface StoreAnswerCacheOptions {
  clock: Clock;
  /** 0 = keep nothing. */
  ttlMs: number;
  /** A no-cache request this soon after the last fetch of the same answer gets that fetch's answer. */
  noCacheMinAgeMs?: number;
  /** Bytes the store keeps at most (answers measured as JSON). */
  maxBytes?: number;
  /** Told how each look-up was served (metrics). */
  onLookup?: (result: CacheLookup) => void;
}

export class StoreAnswerCache implements AnswerCache {
  /** Identical requests of this process waiting on one trip to the store. */
  private readonly joining = new Map<string, Promise<Cached<unknown>>>();

  constructor(
    private readonly shared: SharedResultCache,
    private readonly options: StoreAnswerCacheOptions,
  ) {}

  get<T>(parts: CacheKeyParts, load: () => Promise<T>, fresh = false): Promise<Cached<T>> {
    const key = cacheKey(parts);
    const joinKey = `${fresh ? "fresh" : "any"}|${key}`;
    let pending = this.joining.get(joinKey);
    if (pending) this.options.onLookup?.("joined");
    else {
      const { clock, ttlMs, maxBytes } = this.options;
      pending = this.shared
        .getOrLoad(key, parts.chainId, load, {
          now: () => clock.now(),
          ttlMs,
          fresh,
          minAgeMs: this.options.noCacheMinAgeMs ?? 0,
          maxBytes,
        })
        .then((entry) => {
          this.options.onLookup?.(entry.hit ? "hit" : "miss");
          return { value: entry.value, asOf: entry.asOf, cached: entry.hit };
        })
        .finally(() => this.joining.delete(joinKey));
      this.joining.set(joinKey, pending);
    }
    return pending as Promise<Cached<T>>;
  }

  clear(chainId: string): Promise<number> {
    return this.shared.clearChain(chainId);
  }

  stats(chainId: string): Promise<SharedCacheStats> {
    return this.shared.stats(chainId, this.options.clock.now());
  }

  /** The answers live in the store: this process holds none. */
  get size(): number {
    return 0;
  }

  get bytes(): number {
    return 0;
  }
}

/**
 * Answers shared by several gateways on one store: an identical request arriving at another instance
 * within the TTL is served from the store, and a miss is fetched by one instance while the others wait
 * for it (store/postgresResultCache.ts, used through cache/storeAnswerCache.ts). One process keeps its
 * answers in ResultCache alone.
 */
export interface SharedCacheEntry {
  value: unknown;
  asOf: number;
  /** Served from the store (fetched earlier, maybe by another instance). */
  hit: boolean;
}

export interface SharedCacheStats {
  entries: number;
  oldestAsOf: number | null;
  newestAsOf: number | null;
}

export interface SharedResultCache {
  /**
   * The live entry of `key`, or `load` run once across instances (the entry is re-checked once the
   * key's lock is held) and kept until `ttlMs` after it started; `fresh` skips the stored entry unless
   * it is younger than `minAgeMs` or was fetched while this call waited for the lock (one fetch serves).
   * `maxBytes` bounds what the store keeps (the oldest answers go first; a larger one is not kept).
   */
  getOrLoad(
    key: string,
    chainId: string,
    load: () => Promise<unknown>,
    options: { now: () => number; ttlMs: number; fresh: boolean; minAgeMs?: number; maxBytes?: number },
  ): Promise<SharedCacheEntry>;
  /** Drops every entry of one token chain, for every instance. */
  clearChain(chainId: string): Promise<number>;
  stats(chainId: string, now: number): Promise<SharedCacheStats>;
}

/**
 * Results per (chain, resource, division, query options), kept for a TTL with the time they were
 * fetched (`asOf`), on lru-cache: identical requests in flight share one fetch (`fetchMethod`),
 * `fresh` (Cache-Control: no-cache) skips the stored value and replaces it (`forceRefresh`) unless it is
 * younger than `noCacheMinAgeMs` (a no-cache loop gets one fetch per that time, not one per request), and the
 * least recently used entries go first beyond either bound (`max` entries, `maxSize` bytes). The clock is the
 * gateway's, so benchmarks on a virtual clock age entries in virtual time (`perf`). This is the answer
 * cache of one process; several instances on PostgreSQL use cache/storeAnswerCache.ts (coordination/).
 */
import { LRUCache } from "lru-cache";
import type { Clock } from "../../shared/clock";
import type { CacheLookup } from "../contracts";
import { measureRows } from "../answers/answerSize";
import type { SharedCacheStats } from "./sharedCache";

export interface CacheKeyParts {
  chainId: string;
  resource: string;
  division: number | null;
  options: Record<string, string | number | boolean | null | undefined>;
}

export interface Cached<T> {
  value: T;
  asOf: number;
  cached: boolean;
}

interface Entry {
  chainId: string;
  value: unknown;
  asOf: number;
  /** The value's size as JSON (answerSize.ts), for the cache's byte bound. */
  bytes: number;
}

export interface ResultCacheOptions {
  clock: Clock;
  /** 0 = keep nothing (identical requests in flight still share one fetch). */
  ttlMs: number;
  maxEntries: number;
  /** A no-cache request this soon after the last fetch of the same answer gets that fetch's answer. */
  noCacheMinAgeMs?: number;
  /** Bytes kept at most (values measured as JSON); a value larger than this is served but not kept. */
  maxBytes?: number;
  /** Told how each look-up was served (metrics). */
  onLookup?: (result: CacheLookup) => void;
}

export function cacheKey(parts: CacheKeyParts): string {
  const options = Object.keys(parts.options)
    .sort()
    .filter((name) => parts.options[name] !== undefined)
    .map((name) => [name, parts.options[name]]);
  return JSON.stringify([parts.chainId, parts.resource, parts.division, options]);
}

/** A value's weight in the cache: a listing's JSON size (at least 1, as lru-cache wants). */
function sizeOf(value: unknown): number {
  const bytes = Array.isArray(value)
    ? measureRows(value as Record<string, unknown>[]).bytes
    : (JSON.stringify(value)?.length ?? 0);
  return Math.max(1, bytes);
}

/** What a fetch needs: whose entry it is and how to load it. */
interface Load {
  chainId: string;
  load: () => Promise<unknown>;
}

/** What the data service asks of an answer cache, whichever coordination keeps it. */
export interface AnswerCache {
  /** The answer of `parts`: kept, joined with an identical fetch in flight, or loaded; `fresh` skips kept ones. */
  get<T>(parts: CacheKeyParts, load: () => Promise<T>, fresh?: boolean): Promise<Cached<T>>;
  /** Clear cache / Refresh all: drops the chain's answers (for every instance when shared). */
  clear(chainId: string): Promise<number>;
  /** The chain's live entries and their ages, for the status route. */
  stats(chainId: string): Promise<SharedCacheStats>;
  /** Entries and bytes this process holds (metrics). */
  readonly size: number;
  readonly bytes: number;
}

export class ResultCache implements AnswerCache {
  private readonly entries: LRUCache<string, Entry, Load>;

  constructor(private readonly options: ResultCacheOptions) {
    const { clock } = options;
    this.entries = new LRUCache<string, Entry, Load>({
      max: options.maxEntries,
      ...(options.maxBytes ? { maxSize: options.maxBytes, sizeCalculation: (entry) => entry.bytes } : {}),
      // lru-cache serves an entry until its age exceeds `ttl`; ours expire when the age reaches ttlMs.
      ...(options.ttlMs > 1 ? { ttl: options.ttlMs - 1 } : {}),
      ttlResolution: 0, // the clock may be virtual: never reuse a "now" across calls
      perf: clock,
      // A failed refresh keeps the answer it was replacing; a failed first load keeps nothing.
      noDeleteOnFetchRejection: true,
      // An entry evicted while its fetch is in flight still answers the callers waiting for it.
      ignoreFetchAbort: true,
      fetchMethod: async (_key, _stale, { context }) => {
        const asOf = clock.now();
        const value = await context.load();
        return { chainId: context.chainId, value, asOf, bytes: sizeOf(value) };
      },
    });
  }

  async get<T>(parts: CacheKeyParts, load: () => Promise<T>, fresh = false): Promise<Cached<T>> {
    const status: LRUCache.Status<string, Entry, Load> = {};
    const key = cacheKey(parts);
    const entry = await this.entries.fetch(key, {
      context: { chainId: parts.chainId, load },
      forceRefresh: (fresh && !this.youngEnough(key)) || this.options.ttlMs === 0,
      status,
    });
    if (!entry) throw new Error("result cache: fetch settled without a value");
    this.options.onLookup?.(status.fetch === "hit" ? "hit" : status.fetch === "inflight" ? "joined" : "miss");
    return { value: entry.value as T, asOf: entry.asOf, cached: status.fetch === "hit" };
  }

  /** Whether the stored answer of `key` was fetched within the no-cache minimum age. */
  private youngEnough(key: string): boolean {
    const minAge = this.options.noCacheMinAgeMs ?? 0;
    const entry = minAge > 0 ? this.entries.peek(key) : undefined;
    return entry !== undefined && this.options.clock.now() - entry.asOf < minAge;
  }

  async clear(chainId: string): Promise<number> {
    return this.clearChain(chainId);
  }

  async stats(chainId: string): Promise<SharedCacheStats> {
    return this.statsFor(chainId);
  }

  /** Drops every entry of one token chain (DELETE /api/v1/cache). Returns how many went. */
  clearChain(chainId: string): number {
    let removed = 0;
    for (const [key, entry] of this.entries.entries()) {
      if (entry.chainId === chainId && this.entries.delete(key)) removed += 1;
    }
    return removed;
  }

  /** Live entries of one chain and their ages, for the status route. */
  statsFor(chainId: string): { entries: number; oldestAsOf: number | null; newestAsOf: number | null } {
    let entries = 0;
    let oldest: number | null = null;
    let newest: number | null = null;
    if (this.options.ttlMs === 0) return { entries, oldestAsOf: oldest, newestAsOf: newest };
    for (const entry of this.entries.values()) {
      if (entry.chainId !== chainId) continue;
      entries += 1;
      oldest = oldest === null ? entry.asOf : Math.min(oldest, entry.asOf);
      newest = newest === null ? entry.asOf : Math.max(newest, entry.asOf);
    }
    return { entries, oldestAsOf: oldest, newestAsOf: newest };
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes the kept answers take (as JSON); 0 without a byte bound. */
  get bytes(): number {
    return this.entries.calculatedSize ?? 0;
  }
}

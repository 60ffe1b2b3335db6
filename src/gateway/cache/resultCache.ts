/**
 * Results per (chain, resource, division, query options), kept for a TTL with the time they were
 * fetched (`asOf`). Identical requests in flight share one fetch; `fresh` (Cache-Control: no-cache)
 * skips the stored value and replaces it. Bounded: the least recently used entries go first.
 */
import type { Clock } from "../../shared/clock";

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
}

export interface ResultCacheOptions {
  clock: Clock;
  ttlMs: number;
  maxEntries: number;
}

export function cacheKey(parts: CacheKeyParts): string {
  const options = Object.keys(parts.options)
    .sort()
    .filter((name) => parts.options[name] !== undefined)
    .map((name) => [name, parts.options[name]]);
  return JSON.stringify([parts.chainId, parts.resource, parts.division, options]);
}

export class ResultCache {
  /** Map order is recency order: the first entry is the least recently used. */
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Cached<unknown>>>();

  constructor(private readonly options: ResultCacheOptions) {}

  async get<T>(parts: CacheKeyParts, load: () => Promise<T>, fresh = false): Promise<Cached<T>> {
    const key = cacheKey(parts);
    const now = this.options.clock.now();
    if (!fresh) {
      const entry = this.entries.get(key);
      if (entry && now - entry.asOf < this.options.ttlMs) {
        this.entries.delete(key);
        this.entries.set(key, entry);
        return { value: entry.value as T, asOf: entry.asOf, cached: true };
      }
    }
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<Cached<T>>;
    const started = this.options.clock.now();
    const promise = load()
      .then((value) => {
        this.store(key, { chainId: parts.chainId, value, asOf: started });
        return { value, asOf: started, cached: false };
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Drops every entry of one token chain (DELETE /api/v1/cache). Returns how many went. */
  clearChain(chainId: string): number {
    let removed = 0;
    for (const [key, entry] of this.entries) {
      if (entry.chainId === chainId) {
        this.entries.delete(key);
        removed += 1;
      }
    }
    return removed;
  }

  /** Live entries of one chain and their ages, for the status route. */
  statsFor(chainId: string): { entries: number; oldestAsOf: number | null; newestAsOf: number | null } {
    const now = this.options.clock.now();
    let entries = 0;
    let oldest: number | null = null;
    let newest: number | null = null;
    for (const entry of this.entries.values()) {
      if (entry.chainId !== chainId || now - entry.asOf >= this.options.ttlMs) continue;
      entries += 1;
      oldest = oldest === null ? entry.asOf : Math.min(oldest, entry.asOf);
      newest = newest === null ? entry.asOf : Math.max(newest, entry.asOf);
    }
    return { entries, oldestAsOf: oldest, newestAsOf: newest };
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

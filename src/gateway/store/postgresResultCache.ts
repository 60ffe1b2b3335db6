/**
 * The shared result cache in PostgreSQL: one row per request key (hashed: the key holds filters) with
 * its chain, the answer sealed like every other secret at rest, its size and its expiry. The rows
 * together stay within `maxBytes` (EOL_CACHE_MAX_BYTES): storing an answer drops the oldest beyond it. A miss is fetched under
 * an advisory lock on the key, on a pool of its own (a held lock must never starve the queries the
 * fetch itself makes), and re-checked once the lock is held: N instances, one upstream fetch.
 */
import pg from "pg";
import { warnConnectionLost } from "./connectionLost";
import type { SecretBox } from "../crypto/secretBox";
import { sha256 } from "../crypto/random";
import type { SharedCacheEntry, SharedCacheStats, SharedResultCache } from "../cache/sharedCache";
import { withAdvisoryLock } from "./postgresSharedLock";

/** Cache fills held at once per instance; more wait for a connection (never for each other). */
const LOCK_CONNECTIONS = 16;

export class PostgresResultCache implements SharedResultCache {
  readonly lockPool: pg.Pool;

  constructor(
    private readonly pool: pg.Pool,
    private readonly box: SecretBox,
    url: string,
  ) {
    this.lockPool = new pg.Pool({ connectionString: url, max: LOCK_CONNECTIONS, keepAlive: true });
    this.lockPool.on("error", (error) => warnConnectionLost(this.lockPool, error));
  }

  async getOrLoad(
    key: string,
    chainId: string,
    load: () => Promise<unknown>,
    options: { now: () => number; ttlMs: number; fresh: boolean; minAgeMs?: number; maxBytes?: number },
  ): Promise<SharedCacheEntry> {
    const { now, ttlMs, fresh, maxBytes = Infinity } = options;
    const asked = now();
    // A no-cache request takes an answer fetched since it was asked, or within the minimum age.
    const servesFresh = (entry: SharedCacheEntry | null) =>
      entry !== null && (entry.asOf >= asked || asked - entry.asOf < (options.minAgeMs ?? 0));
    const id = sha256(key);
    const fetchNow = async (): Promise<SharedCacheEntry> => {
      const asOf = now();
      const value = await load();
      if (ttlMs > 0) await this.store(id, chainId, value, { asOf, expiresAt: asOf + ttlMs, maxBytes });
      return { value, asOf, hit: false };
    };
    if (ttlMs === 0) return fetchNow(); // nothing is kept, so there is nothing to wait for
    const first = await this.read(id, now());
    if (first && (!fresh || servesFresh(first))) return first;
    return withAdvisoryLock(this.lockPool, `cache:${id}`, async () => {
      // Another instance may have fetched it while we waited for the lock.
      const stored = await this.read(id, now());
      return stored && (!fresh || servesFresh(stored)) ? stored : fetchNow();
    });
  }

  async clearChain(chainId: string): Promise<number> {
    const { rowCount } = await this.pool.query("DELETE FROM eol_result_cache WHERE chain_id = $1", [chainId]);
    return rowCount ?? 0;
  }

  async stats(chainId: string, now: number): Promise<SharedCacheStats> {
    const { rows } = await this.pool.query<{ entries: string; oldest: string | null; newest: string | null }>(
      `SELECT count(*) AS entries, min(as_of) AS oldest, max(as_of) AS newest
       FROM eol_result_cache WHERE chain_id = $1 AND expires_at > $2`,
      [chainId, now],
    );
    const row = rows[0];
    const toNumber = (value: string | null) => (value === null ? null : Number(value));
    return {
      entries: Number(row.entries),
      oldestAsOf: toNumber(row.oldest),
      newestAsOf: toNumber(row.newest),
    };
  }

  async close(): Promise<void> {
    await this.lockPool.end();
  }

  private async read(id: string, now: number): Promise<SharedCacheEntry | null> {
    const { rows } = await this.pool.query<{ value_sealed: string; as_of: string }>(
      "SELECT value_sealed, as_of FROM eol_result_cache WHERE key = $1 AND expires_at > $2",
      [id, now],
    );
    if (rows.length === 0) return null;
    return { value: JSON.parse(this.box.open(rows[0].value_sealed)), asOf: Number(rows[0].as_of), hit: true };
  }

  private async store(
    id: string,
    chainId: string,
    value: unknown,
    when: { asOf: number; expiresAt: number; maxBytes: number },
  ): Promise<void> {
    const sealed = this.box.seal(JSON.stringify(value));
    const size = Buffer.byteLength(sealed);
    if (size > when.maxBytes) return; // served, never kept: it alone would pass the bound
    // Expired answers of the chain go as new ones arrive, so the table only holds what can be served.
    await this.pool.query(
      `WITH expired AS (DELETE FROM eol_result_cache WHERE chain_id = $2 AND expires_at <= $4 AND key <> $1)
       INSERT INTO eol_result_cache (key, chain_id, value_sealed, as_of, expires_at, size_bytes)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (key) DO UPDATE SET chain_id = excluded.chain_id, value_sealed = excluded.value_sealed,
         as_of = excluded.as_of, expires_at = excluded.expires_at, size_bytes = excluded.size_bytes`,
      [id, chainId, sealed, when.asOf, when.expiresAt, size],
    );
    if (Number.isFinite(when.maxBytes)) await this.trim(when.maxBytes);
  }

  /** Drops the oldest answers (every chain's) beyond `maxBytes` in all. */
  private async trim(maxBytes: number): Promise<void> {
    await this.pool.query(
      `DELETE FROM eol_result_cache WHERE key IN (
         SELECT key FROM (
           SELECT key, sum(size_bytes) OVER (ORDER BY as_of DESC, key) AS kept FROM eol_result_cache
         ) AS newest_first WHERE kept > $1)`,
      [maxBytes],
    );
  }

  /** Bytes the stored answers take (sealed), for operators and tests. */
  async bytes(): Promise<number> {
    const { rows } = await this.pool.query<{ total: string | null }>(
      "SELECT sum(size_bytes) AS total FROM eol_result_cache",
    );
    return Number(rows[0].total ?? 0);
  }
}

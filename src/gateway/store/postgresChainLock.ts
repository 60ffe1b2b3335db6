/**
 * The chain lock of several instances on one PostgreSQL: a session-level advisory lock per chain, so
 * exactly one instance refreshes a chain while the others wait and then re-read the rotated tokens.
 * Callers in this process queue in-process first, so one instance holds at most one connection per
 * chain. PostgreSQL releases the lock when its connection ends, so a crashed instance never blocks a chain.
 */
import type pg from "pg";
import { InProcessChainLock, type ChainLock } from "../tokens/chainLock";

/** The advisory lock key of a chain (64-bit hash of a namespaced id). */
export const CHAIN_LOCK_KEY_SQL = "hashtextextended('eol-chain:' || $1, 0)";

export class PostgresChainLock implements ChainLock {
  private readonly local = new InProcessChainLock();

  constructor(private readonly pool: pg.Pool) {}

  withLock<T>(chainId: string, work: () => Promise<T>): Promise<T> {
    return this.local.withLock(chainId, async () => {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        await client.query(`SELECT pg_advisory_lock(${CHAIN_LOCK_KEY_SQL})`, [chainId]);
        try {
          return await work();
        } finally {
          await client
            .query(`SELECT pg_advisory_unlock(${CHAIN_LOCK_KEY_SQL})`, [chainId])
            .catch((error: Error) => (broken = error));
        }
      } catch (error) {
        broken ??= error as Error;
        throw error;
      } finally {
        // A connection that failed mid-lock is discarded, which also drops any lock it still held.
        client.release(broken);
      }
    });
  }
}

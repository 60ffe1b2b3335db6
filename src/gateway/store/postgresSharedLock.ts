/**
 * A lock shared by every instance on one PostgreSQL: a session-level advisory lock on a dedicated
 * connection. PostgreSQL releases it when that connection ends, so a crashed instance never holds it.
 */
import type pg from "pg";

/** The advisory lock key of a lock name (64-bit hash of a namespaced name). */
export const SHARED_LOCK_KEY_SQL = "hashtextextended('eol:' || $1, 0)";

export async function withAdvisoryLock<T>(pool: pg.Pool, name: string, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(`SELECT pg_advisory_lock(${SHARED_LOCK_KEY_SQL})`, [name]);
    try {
      return await work();
    } finally {
      await client
        .query(`SELECT pg_advisory_unlock(${SHARED_LOCK_KEY_SQL})`, [name])
        .catch((error: Error) => (broken = error));
    }
  } catch (error) {
    broken ??= error as Error;
    throw error;
  } finally {
    // A connection that failed mid-lock is discarded, which also drops any lock it still held.
    client.release(broken);
  }
}

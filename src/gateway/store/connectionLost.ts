/**
 * A pool's idle connection that drops (a database restart, a failover) must not crash the gateway: the
 * pool reconnects on the next query, and the operator hears of it once per drop. A pool this gateway is
 * closing itself is not "lost": the server ending its last connections then is expected, not news.
 */
import type pg from "pg";

export function warnConnectionLost(pool: pg.Pool, error: Error): void {
  if (pool.ending || pool.ended) return;
  process.emitWarning(`PostgreSQL connection lost: ${error.message}`);
}

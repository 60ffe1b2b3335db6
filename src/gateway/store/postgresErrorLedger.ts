/**
 * Exact's error answers counted in PostgreSQL, so every instance on the database sees the same count
 * and the same block (exact/errorBudget.ts decides what to do with them).
 */
import type pg from "pg";
import { ERROR_WINDOW_MS } from "./types";
import type { ErrorLedger } from "./types";

export class PostgresErrorLedger implements ErrorLedger {
  constructor(private readonly pool: pg.Pool) {}

  async record(key: string, at: number): Promise<void> {
    // Only the last hour matters: older entries go as new ones arrive — of every key, as keys hold what
    // callers chose (a QUERY's resource name) and may never come back.
    await this.pool.query(
      `WITH dropped AS (DELETE FROM eol_error_events WHERE at <= $2)
       INSERT INTO eol_error_events (key, at) VALUES ($1, $3)`,
      [key, at - ERROR_WINDOW_MS, at],
    );
  }

  async errorsSince(key: string, since: number): Promise<number[]> {
    const { rows } = await this.pool.query<{ at: string }>(
      "SELECT at FROM eol_error_events WHERE key = $1 AND at >= $2 ORDER BY at",
      [key, since],
    );
    return rows.map((row) => Number(row.at));
  }

  async block(key: string, until: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO eol_error_blocks (key, until) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET until = GREATEST(eol_error_blocks.until, excluded.until)`,
      [key, until],
    );
  }

  async blockedUntil(key: string, now: number): Promise<number | null> {
    const { rows } = await this.pool.query<{ until: string }>(
      "SELECT until FROM eol_error_blocks WHERE key = $1 AND until > $2",
      [key, now],
    );
    return rows.length === 0 ? null : Number(rows[0].until);
  }
}

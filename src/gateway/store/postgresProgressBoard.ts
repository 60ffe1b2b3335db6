/**
 * Fan-out progress in PostgreSQL, so a task pane's poll reaching any instance sees the request another
 * instance is working on. Rows are small and short-lived: written at most 4 times a second per request
 * (progress/requestProgress.ts), purged once expired.
 */
import type pg from "pg";
import type { ProgressBoard, ProgressEntry } from "../progress/progressBoard";

interface ProgressRow {
  table_name: string;
  done: number;
  total: number;
  finished: boolean;
  expires_at: string;
}

export class PostgresProgressBoard implements ProgressBoard {
  constructor(private readonly pool: pg.Pool) {}

  async put(entry: ProgressEntry): Promise<void> {
    await this.pool.query(
      `INSERT INTO eol_progress (session_id, request_id, table_name, done, total, finished, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (session_id, request_id) DO UPDATE SET table_name = excluded.table_name,
         done = excluded.done, total = excluded.total, finished = excluded.finished,
         expires_at = excluded.expires_at`,
      [
        entry.sessionId,
        entry.requestId,
        entry.table,
        entry.done,
        entry.total,
        entry.finished,
        entry.expiresAt,
      ],
    );
  }

  async get(sessionId: string, requestId: string, now: number): Promise<ProgressEntry | null> {
    const { rows } = await this.pool.query<ProgressRow>(
      `SELECT table_name, done, total, finished, expires_at FROM eol_progress
       WHERE session_id = $1 AND request_id = $2 AND expires_at > $3`,
      [sessionId, requestId, now],
    );
    if (rows.length === 0) return null;
    const [row] = rows;
    return {
      sessionId,
      requestId,
      table: row.table_name,
      done: row.done,
      total: row.total,
      finished: row.finished,
      expiresAt: Number(row.expires_at),
    };
  }

  async delete(sessionId: string, requestId: string): Promise<void> {
    await this.pool.query("DELETE FROM eol_progress WHERE session_id = $1 AND request_id = $2", [
      sessionId,
      requestId,
    ]);
  }

  async purge(now: number): Promise<void> {
    await this.pool.query("DELETE FROM eol_progress WHERE expires_at <= $1", [now]);
  }
}

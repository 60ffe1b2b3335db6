/**
 * Where fan-outs report how far they have come, per (session, request id). With several instances on
 * PostgreSQL the board lives in the database (store/postgresProgressBoard.ts), so a poll reaching any
 * instance sees the request another instance works on; with one process (SQLite) it is this memory map.
 */
export interface ProgressEntry {
  sessionId: string;
  requestId: string;
  table: string;
  done: number;
  total: number;
  finished: boolean;
  /** Epoch ms after which the entry is gone (a finished one soon; a running one unless written again). */
  expiresAt: number;
}

export interface ProgressBoard {
  /** Creates or replaces the entry of (sessionId, requestId). */
  put(entry: ProgressEntry): Promise<void>;
  /** The live entry of this session's request, or null (unknown, another session's, or expired). */
  get(sessionId: string, requestId: string, now: number): Promise<ProgressEntry | null>;
  delete(sessionId: string, requestId: string): Promise<void>;
  /** Drops every entry expired at `now`. */
  purge(now: number): Promise<void>;
}

export class MemoryProgressBoard implements ProgressBoard {
  private readonly entries = new Map<string, ProgressEntry>();

  async put(entry: ProgressEntry): Promise<void> {
    this.entries.set(key(entry.sessionId, entry.requestId), { ...entry });
  }

  async get(sessionId: string, requestId: string, now: number): Promise<ProgressEntry | null> {
    const entry = this.entries.get(key(sessionId, requestId));
    return entry && entry.expiresAt > now ? { ...entry } : null;
  }

  async delete(sessionId: string, requestId: string): Promise<void> {
    this.entries.delete(key(sessionId, requestId));
  }

  async purge(now: number): Promise<void> {
    for (const [name, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(name);
  }
}

function key(sessionId: string, requestId: string): string {
  return `${sessionId}\u0000${requestId}`;
}

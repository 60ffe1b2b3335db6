/**
 * The data directory belongs to one gateway process at a time. The claim is an OS-level lock: SQLite's
 * exclusive locking mode on a small lock database, which holds a POSIX record lock (fcntl) on the file
 * for as long as the connection is open. The kernel drops it the moment the process ends, however it
 * ends (kill -9 included), and never while the process lives, however long it stalls.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** The lock database. It stays in the directory: deleting a lock file would let two owners race. */
export const DATA_DIR_LOCK = "gateway.lock";

export class DataDirInUseError extends Error {
  constructor(dataDir: string) {
    super(
      `Another gateway process is using EOL_DATA_DIR=${dataDir} (SQLite allows one process per data directory). ` +
        "Stop it, give this one its own EOL_DATA_DIR, or run several instances on PostgreSQL with EOL_DATABASE_URL (docs/deploy.md).",
    );
    this.name = "DataDirInUseError";
  }
}

/**
 * Claims the data directory for this process and returns the release. A second gateway on it would
 * keep its own in-process locks, rate budget and cache beside ours, and both would refresh the same
 * token chains. Refused at once (no waiting) when another connection holds it, in this process or another.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATA_DIR_LOCK);
  const db = new Database(file, { timeout: 0 });
  try {
    fs.chmodSync(file, 0o600);
    db.pragma("locking_mode = EXCLUSIVE");
    // No journal file beside it: the lock database holds nothing worth a rollback.
    db.pragma("journal_mode = MEMORY");
    // The first write takes the exclusive lock; exclusive mode keeps it until the connection closes.
    db.exec(
      "CREATE TABLE IF NOT EXISTS owner (pid INTEGER NOT NULL, since TEXT NOT NULL); DELETE FROM owner;",
    );
    db.prepare("INSERT INTO owner (pid, since) VALUES (?, ?)").run(process.pid, new Date().toISOString());
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY") throw new DataDirInUseError(dataDir);
    throw error;
  }
  return () => {
    if (db.open) db.close();
  };
}

/** Opens the records store on SQLite (better-sqlite3, WAL) in the data directory: the embedded default. */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect, type SqliteDatabase } from "kysely";
import type { SecretBox } from "../crypto/secretBox";
import { migrateStore } from "./migrations";
import { RecordStore } from "./recordStore";
import type { StoreTables } from "./tables";

export const DATABASE_FILE = "eol-gateway.sqlite";

/** Opens the file with the pragmas the store relies on; any failure names the file. */
function openDatabase(file: string): Database.Database {
  let db: Database.Database | null = null;
  try {
    db = new Database(file);
    fs.chmodSync(file, 0o600);
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    return db;
  } catch (error) {
    db?.close();
    throw cannotOpen(file, error);
  }
}

const cannotOpen = (file: string, error: unknown): Error =>
  new Error(
    `Cannot open the gateway database ${file}: ${(error as Error).message}. Restore it from a backup or move it away to start empty.`,
  );

/**
 * Prepares each distinct SQL text once: every authenticated request runs the same session and chain
 * look-ups, and Kysely's SQLite driver would otherwise prepare them anew each time.
 */
function preparedOnce(db: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = db.prepare(sql)));
      return statement;
    },
  };
}

/** Opens, migrates and checks the key of the store in `dataDir`; throws a clear error otherwise. */
export async function openSqliteStore(dataDir: string, box: SecretBox): Promise<RecordStore> {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  const db = new Kysely<StoreTables>({
    dialect: new SqliteDialect({ database: preparedOnce(openDatabase(file)) }),
  });
  try {
    await migrateStore(db, "sqlite");
  } catch (error) {
    await db.destroy();
    throw cannotOpen(file, error);
  }
  const store = new RecordStore(db, box);
  try {
    await store.checkKey(file, "set the original EOL_SECRET_KEY or restore secret.key in the data directory");
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

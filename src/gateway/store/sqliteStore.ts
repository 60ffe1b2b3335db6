/** SQLite implementation of the sign-in store (better-sqlite3, WAL): the embedded default. */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { SecretBox } from "../crypto/secretBox";
import { randomId } from "../crypto/random";
import { MIGRATIONS } from "./migrations";
import {
  chainFromRow,
  loginFromRow,
  sealKeyCheck,
  sealTokens,
  sessionFromRow,
  sessionValues,
  verifyKeyCheck,
  type Row,
  SESSION_WITH_CHAIN_SQL,
  sessionWithChainFromRow,
} from "./rows";
import type {
  AuthStore,
  ChainRecord,
  ChainTokens,
  ExactUser,
  KeptLoginTokens,
  LoginRecord,
  NewChain,
  PurgeCounts,
  PurgeCutoffs,
  SessionRecord,
} from "./types";

export const DATABASE_FILE = "eol-gateway.sqlite";

export function migrate(db: Database.Database): void {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const applied = new Set(
    (db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map(
      (row) => row.version,
    ),
  );
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
  }
}

/** Opens and migrates the database; any failure (corrupt file, no permission) names the file. */
function openDatabase(file: string): Database.Database {
  let db: Database.Database | null = null;
  try {
    db = new Database(file);
    fs.chmodSync(file, 0o600);
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw new Error(
      `Cannot open the gateway database ${file}: ${(error as Error).message}. Restore it from a backup or move it away to start empty.`,
    );
  }
}

export class SqliteAuthStore implements AuthStore {
  private readonly db: Database.Database;
  /** Prepared once: every authenticated request runs the session and chain look-ups. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    dataDir: string,
    private readonly box: SecretBox,
  ) {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, DATABASE_FILE);
    this.db = openDatabase(file);
    this.verifyKey(file);
  }

  /** A sealed marker proves the key matches the data; a wrong key stops the gateway with a clear message. */
  private verifyKey(file: string): void {
    const row = this.prepare("SELECT value FROM meta WHERE key = 'key_check'").get() as
      { value: string } | undefined;
    if (!row) {
      this.prepare("INSERT INTO meta (key, value) VALUES ('key_check', ?)").run(sealKeyCheck(this.box));
      return;
    }
    try {
      verifyKeyCheck(
        this.box,
        row.value,
        file,
        "set the original EOL_SECRET_KEY or restore secret.key in the data directory",
      );
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  async createLogin(login: LoginRecord): Promise<void> {
    this.prepare(
      `INSERT INTO logins (id, secret_hash, country, client_id, client_secret_sealed, redirect_uri, managed,
           state_hash, status, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      login.id,
      login.secretHash,
      login.country,
      login.clientId,
      this.box.seal(login.clientSecret),
      login.redirectUri,
      login.managed ? 1 : 0,
      login.stateHash,
      login.status,
      login.createdAt,
      login.expiresAt,
    );
  }

  async getLogin(id: string): Promise<LoginRecord | null> {
    const row = this.prepare("SELECT * FROM logins WHERE id = ?").get(id) as Row | undefined;
    return row ? loginFromRow(row, this.box) : null;
  }

  async setLoginState(id: string, stateHash: string): Promise<boolean> {
    const result = this.prepare("UPDATE logins SET state_hash = ? WHERE id = ? AND status = 'pending'").run(
      stateHash,
      id,
    );
    return result.changes === 1;
  }

  async claimLoginState(id: string, stateHash: string): Promise<boolean> {
    const result = this.prepare(
      "UPDATE logins SET state_hash = NULL WHERE id = ? AND status = 'pending' AND state_hash = ?",
    ).run(id, stateHash);
    return result.changes === 1;
  }

  async completeLogin(
    id: string,
    result: { chainId: string; user: ExactUser; currentDivision: number | null; completionHash: string },
  ): Promise<void> {
    this.prepare(
      "UPDATE logins SET status = 'completed', chain_id = ?, user_json = ?, current_division = ?, completion_hash = ?, kept_tokens_sealed = NULL, error_code = NULL, error_message = NULL WHERE id = ? AND status = 'pending'",
    ).run(result.chainId, JSON.stringify(result.user), result.currentDivision, result.completionHash, id);
  }

  async failLogin(id: string, code: string, message: string): Promise<void> {
    this.prepare(
      "UPDATE logins SET status = 'failed', state_hash = NULL, kept_tokens_sealed = NULL, error_code = ?, error_message = ? WHERE id = ? AND status = 'pending'",
    ).run(code, message, id);
  }

  async keepLoginTokens(id: string, kept: KeptLoginTokens): Promise<boolean> {
    const result = this.prepare(
      "UPDATE logins SET kept_tokens_sealed = ?, error_code = ?, error_message = ?, completion_hash = ? WHERE id = ? AND status = 'pending'",
    ).run(sealTokens(this.box, kept.tokens), kept.errorCode, kept.errorMessage, kept.completionHash, id);
    return result.changes === 1;
  }

  async redeemLogin(id: string, session: SessionRecord): Promise<boolean> {
    return this.db.transaction(() => {
      const claimed = this.prepare(
        "UPDATE logins SET status = 'redeemed' WHERE id = ? AND status = 'completed'",
      ).run(id);
      if (claimed.changes !== 1) return false;
      this.insertSession(session);
      return true;
    })();
  }

  async deleteExpiredLogins(now: number): Promise<number> {
    return this.prepare("DELETE FROM logins WHERE expires_at < ?").run(now).changes;
  }

  async getSessionByTokenHash(tokenHash: string): Promise<SessionRecord | null> {
    const row = this.prepare("SELECT * FROM sessions WHERE token_hash = ?").get(tokenHash) as Row | undefined;
    return row ? sessionFromRow(row) : null;
  }

  async getSessionWithChain(
    tokenHash: string,
  ): Promise<{ session: SessionRecord; chainLive: boolean } | null> {
    const row = this.prepare(`${SESSION_WITH_CHAIN_SQL}?`).get(tokenHash) as Row | undefined;
    return row ? sessionWithChainFromRow(row) : null;
  }

  async touchSession(id: string, now: number): Promise<void> {
    this.prepare("UPDATE sessions SET last_used_at = ? WHERE id = ?").run(now, id);
  }

  async deleteSession(id: string): Promise<void> {
    this.prepare("DELETE FROM sessions WHERE id = ?").run(id);
  }

  async deleteSessionsOfChain(chainId: string): Promise<number> {
    return this.prepare("DELETE FROM sessions WHERE chain_id = ?").run(chainId).changes;
  }

  async upsertChain(chain: NewChain, now: number): Promise<ChainRecord> {
    const sealed = {
      secret: this.box.seal(chain.clientSecret),
      access: this.box.seal(chain.accessToken),
      refresh: this.box.seal(chain.refreshToken),
    };
    this.prepare(
      `INSERT INTO chains (id, user_id, client_id, country, client_secret_sealed, access_token_sealed,
           access_issued_at, access_expires_at, refresh_token_sealed, status, version, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'live', 1, ?)
         ON CONFLICT (user_id, client_id, country) DO UPDATE SET
           client_secret_sealed = excluded.client_secret_sealed,
           access_token_sealed = excluded.access_token_sealed,
           access_issued_at = excluded.access_issued_at,
           access_expires_at = excluded.access_expires_at,
           refresh_token_sealed = excluded.refresh_token_sealed,
           status = 'live',
           version = chains.version + 1,
           updated_at = excluded.updated_at`,
    ).run(
      randomId(),
      chain.userId,
      chain.clientId,
      chain.country,
      sealed.secret,
      sealed.access,
      chain.accessIssuedAt,
      chain.accessExpiresAt,
      sealed.refresh,
      now,
    );
    const row = this.prepare("SELECT * FROM chains WHERE user_id = ? AND client_id = ? AND country = ?").get(
      chain.userId,
      chain.clientId,
      chain.country,
    ) as Row;
    return chainFromRow(row, this.box);
  }

  async isChainLive(id: string): Promise<boolean> {
    const row = this.prepare("SELECT status FROM chains WHERE id = ?").get(id) as
      { status: string } | undefined;
    return row?.status === "live";
  }

  async getChain(id: string): Promise<ChainRecord | null> {
    const row = this.prepare("SELECT * FROM chains WHERE id = ?").get(id) as Row | undefined;
    return row ? chainFromRow(row, this.box) : null;
  }

  async rotateChain(id: string, expectedVersion: number, tokens: ChainTokens, now: number): Promise<boolean> {
    const result = this.prepare(
      `UPDATE chains SET access_token_sealed = ?, access_issued_at = ?, access_expires_at = ?,
           refresh_token_sealed = ?, version = version + 1, updated_at = ?
         WHERE id = ? AND version = ? AND status = 'live'`,
    ).run(
      this.box.seal(tokens.accessToken),
      tokens.accessIssuedAt,
      tokens.accessExpiresAt,
      this.box.seal(tokens.refreshToken),
      now,
      id,
      expectedVersion,
    );
    return result.changes === 1;
  }

  async markChainDead(id: string, expectedVersion: number, now: number): Promise<boolean> {
    return this.db.transaction(() => {
      const result = this.prepare(
        "UPDATE chains SET status = 'dead', updated_at = ? WHERE id = ? AND version = ?",
      ).run(now, id, expectedVersion);
      if (result.changes !== 1) return false;
      this.prepare("DELETE FROM sessions WHERE chain_id = ?").run(id);
      return true;
    })();
  }

  async purge(cutoffs: PurgeCutoffs): Promise<PurgeCounts> {
    return this.db.transaction(() => {
      const logins = this.prepare("DELETE FROM logins WHERE expires_at < ?").run(cutoffs.now).changes;
      const sessions = this.prepare(
        "DELETE FROM sessions WHERE last_used_at < ? OR created_at < ? OR chain_id IN (SELECT id FROM chains WHERE status = 'dead')",
      ).run(cutoffs.sessionIdleBefore, cutoffs.sessionCreatedBefore).changes;
      // Logins pointing at a dead chain go with it (ON DELETE CASCADE).
      const chains = this.prepare("DELETE FROM chains WHERE status = 'dead'").run().changes;
      return { logins, sessions, chains };
    })();
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private insertSession(session: SessionRecord): void {
    this.prepare(
      `INSERT INTO sessions (id, token_hash, chain_id, user_json, country, client_id, current_division, managed,
           created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...sessionValues(session));
  }
}

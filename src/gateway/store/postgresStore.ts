/**
 * PostgreSQL implementation of the sign-in store (node-postgres pool), selected by EOL_DATABASE_URL so
 * several gateway instances share one store. Same encryption at rest as SQLite; every single-use step
 * is one conditional UPDATE (or one transaction), so instances never both win a claim.
 */
import pg from "pg";
import type { SecretBox } from "../crypto/secretBox";
import { randomId } from "../crypto/random";
import { ERROR_WINDOW_MS } from "./types";
import { withAdvisoryLock } from "./postgresSharedLock";
import { PostgresErrorLedger } from "./postgresErrorLedger";
import { PostgresRateBudget } from "./postgresRateBudget";
import { PostgresProgressBoard } from "./postgresProgressBoard";
import { PostgresResultCache } from "./postgresResultCache";
import { PG_MIGRATIONS } from "./postgresMigrations";
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

/** Advisory lock key held while migrating ("EOL" + 1): one instance migrates, the others wait. */
const MIGRATION_LOCK = 0x454f4c01;

const INSERT_SESSION = `INSERT INTO sessions (id, token_hash, chain_id, user_json, country, client_id,
    current_division, managed, created_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;

/** Where the database is, for messages: never the password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "EOL_DATABASE_URL";
  }
}

export class PostgresAuthStore implements AuthStore {
  readonly errorLedger: PostgresErrorLedger;
  readonly rateBudget: PostgresRateBudget;
  readonly resultCache: PostgresResultCache;
  readonly progressBoard: PostgresProgressBoard;

  private constructor(
    readonly pool: pg.Pool,
    private readonly box: SecretBox,
    url: string,
    /**
     * Connections that only hold shared locks. The work done under a lock queries `pool`; were the
     * locks held on `pool` too, as many concurrent refreshes of different chains as it has connections
     * would hold them all and wait for one more for ever (until the connect time-out).
     */
    private readonly lockPool: pg.Pool,
  ) {
    this.errorLedger = new PostgresErrorLedger(pool);
    this.rateBudget = new PostgresRateBudget(pool);
    this.resultCache = new PostgresResultCache(pool, box, url);
    this.progressBoard = new PostgresProgressBoard(pool);
  }

  withSharedLock<T>(name: string, work: () => Promise<T>): Promise<T> {
    return withAdvisoryLock(this.lockPool, name, work);
  }

  /** Connects, migrates (under the advisory lock) and checks the key; throws a clear error otherwise. */
  static async open(url: string, box: SecretBox): Promise<PostgresAuthStore> {
    // Keep-alive: a lock held by an instance that vanished without closing its socket is still released.
    const newPool = () => {
      const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 10_000, keepAlive: true });
      // An idle connection that drops (database restart) must not crash the gateway; the pool reconnects.
      pool.on("error", (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
      return pool;
    };
    const store = new PostgresAuthStore(newPool(), box, url, newPool());
    try {
      await store.migrateAndCheckKey();
    } catch (error) {
      await store.close();
      const where = describeDatabaseUrl(url);
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`PostgreSQL store at ${where} could not be opened: ${message}`);
    }
    return store;
  }

  private async migrateAndCheckKey(): Promise<void> {
    const client = await this.pool.connect();
    try {
      // Session-level lock: released by pg_advisory_unlock, or by the server if this connection dies.
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
      try {
        await client.query(
          "CREATE TABLE IF NOT EXISTS eol_schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
        );
        const applied = new Set(
          (await client.query<{ version: number }>("SELECT version FROM eol_schema_migrations")).rows.map(
            (row) => row.version,
          ),
        );
        for (const migration of PG_MIGRATIONS) {
          if (applied.has(migration.version)) continue;
          await client.query("BEGIN");
          try {
            await client.query(migration.sql);
            await client.query("INSERT INTO eol_schema_migrations (version, name) VALUES ($1, $2)", [
              migration.version,
              migration.name,
            ]);
            await client.query("COMMIT");
          } catch (error) {
            await client.query("ROLLBACK");
            throw error;
          }
        }
        await client.query(
          "INSERT INTO meta (key, value) VALUES ('key_check', $1) ON CONFLICT (key) DO NOTHING",
          [sealKeyCheck(this.box)],
        );
        const { rows } = await client.query<{ value: string }>(
          "SELECT value FROM meta WHERE key = 'key_check'",
        );
        verifyKeyCheck(
          this.box,
          rows[0].value,
          "this database",
          "set the EOL_SECRET_KEY every instance uses",
        );
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  }

  private async rows(sql: string, values: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query<Row>(sql, values)).rows;
  }

  private async changes(sql: string, values: unknown[]): Promise<number> {
    return (await this.pool.query(sql, values)).rowCount ?? 0;
  }

  async createLogin(login: LoginRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO logins (id, secret_hash, country, client_id, client_secret_sealed, redirect_uri, managed,
           state_hash, status, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        login.id,
        login.secretHash,
        login.country,
        login.clientId,
        this.box.seal(login.clientSecret),
        login.redirectUri,
        login.managed,
        login.stateHash,
        login.status,
        login.createdAt,
        login.expiresAt,
      ],
    );
  }

  async getLogin(id: string): Promise<LoginRecord | null> {
    const [row] = await this.rows("SELECT * FROM logins WHERE id = $1", [id]);
    return row ? loginFromRow(row, this.box) : null;
  }

  async setLoginState(id: string, stateHash: string): Promise<boolean> {
    const sql = "UPDATE logins SET state_hash = $1 WHERE id = $2 AND status = 'pending'";
    return (await this.changes(sql, [stateHash, id])) === 1;
  }

  async claimLoginState(id: string, stateHash: string): Promise<boolean> {
    const sql =
      "UPDATE logins SET state_hash = NULL WHERE id = $1 AND status = 'pending' AND state_hash = $2";
    return (await this.changes(sql, [id, stateHash])) === 1;
  }

  async completeLogin(
    id: string,
    result: { chainId: string; user: ExactUser; currentDivision: number | null; completionHash: string },
  ): Promise<void> {
    await this.pool.query(
      "UPDATE logins SET status = 'completed', chain_id = $1, user_json = $2, current_division = $3, completion_hash = $4, kept_tokens_sealed = NULL, error_code = NULL, error_message = NULL WHERE id = $5 AND status = 'pending'",
      [result.chainId, JSON.stringify(result.user), result.currentDivision, result.completionHash, id],
    );
  }

  async failLogin(id: string, code: string, message: string): Promise<void> {
    await this.pool.query(
      "UPDATE logins SET status = 'failed', state_hash = NULL, kept_tokens_sealed = NULL, error_code = $1, error_message = $2 WHERE id = $3 AND status = 'pending'",
      [code, message, id],
    );
  }

  async keepLoginTokens(id: string, kept: KeptLoginTokens): Promise<boolean> {
    const sql =
      "UPDATE logins SET kept_tokens_sealed = $1, error_code = $2, error_message = $3, completion_hash = $4 WHERE id = $5 AND status = 'pending'";
    const values = [
      sealTokens(this.box, kept.tokens),
      kept.errorCode,
      kept.errorMessage,
      kept.completionHash,
      id,
    ];
    return (await this.changes(sql, values)) === 1;
  }

  /** Runs `work` in one transaction on one connection; `work` returning false (or throwing) rolls back. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query(result === false ? "ROLLBACK" : "COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
  }

  async redeemLogin(id: string, session: SessionRecord): Promise<boolean> {
    return this.transaction(async (client) => {
      const sql = "UPDATE logins SET status = 'redeemed' WHERE id = $1 AND status = 'completed'";
      if ((await client.query(sql, [id])).rowCount !== 1) return false;
      await client.query(INSERT_SESSION, sessionValues(session));
      return true;
    });
  }

  async deleteExpiredLogins(now: number): Promise<number> {
    return this.changes("DELETE FROM logins WHERE expires_at < $1", [now]);
  }

  async getSessionByTokenHash(tokenHash: string): Promise<SessionRecord | null> {
    const [row] = await this.rows("SELECT * FROM sessions WHERE token_hash = $1", [tokenHash]);
    return row ? sessionFromRow(row) : null;
  }

  async getSessionWithChain(
    tokenHash: string,
  ): Promise<{ session: SessionRecord; chainLive: boolean } | null> {
    const [row] = await this.rows(`${SESSION_WITH_CHAIN_SQL}$1`, [tokenHash]);
    return row ? sessionWithChainFromRow(row) : null;
  }

  async touchSession(id: string, now: number): Promise<void> {
    await this.pool.query("UPDATE sessions SET last_used_at = $1 WHERE id = $2", [now, id]);
  }

  async deleteSession(id: string): Promise<void> {
    await this.pool.query("DELETE FROM sessions WHERE id = $1", [id]);
  }

  async deleteSessionsOfChain(chainId: string): Promise<number> {
    return this.changes("DELETE FROM sessions WHERE chain_id = $1", [chainId]);
  }

  async upsertChain(chain: NewChain, now: number): Promise<ChainRecord> {
    const [row] = await this.rows(
      `INSERT INTO chains (id, user_id, client_id, country, client_secret_sealed, access_token_sealed,
           access_issued_at, access_expires_at, refresh_token_sealed, status, version, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'live', 1, $10)
         ON CONFLICT (user_id, client_id, country) DO UPDATE SET
           client_secret_sealed = excluded.client_secret_sealed,
           access_token_sealed = excluded.access_token_sealed,
           access_issued_at = excluded.access_issued_at,
           access_expires_at = excluded.access_expires_at,
           refresh_token_sealed = excluded.refresh_token_sealed,
           status = 'live',
           version = chains.version + 1,
           updated_at = excluded.updated_at
         RETURNING *`,
      [
        randomId(),
        chain.userId,
        chain.clientId,
        chain.country,
        this.box.seal(chain.clientSecret),
        this.box.seal(chain.accessToken),
        chain.accessIssuedAt,
        chain.accessExpiresAt,
        this.box.seal(chain.refreshToken),
        now,
      ],
    );
    return chainFromRow(row, this.box);
  }

  async getChain(id: string): Promise<ChainRecord | null> {
    const [row] = await this.rows("SELECT * FROM chains WHERE id = $1", [id]);
    return row ? chainFromRow(row, this.box) : null;
  }

  async isChainLive(id: string): Promise<boolean> {
    const [row] = await this.rows("SELECT status FROM chains WHERE id = $1", [id]);
    return row?.status === "live";
  }

  async rotateChain(id: string, expectedVersion: number, tokens: ChainTokens, now: number): Promise<boolean> {
    const changed = await this.changes(
      `UPDATE chains SET access_token_sealed = $1, access_issued_at = $2, access_expires_at = $3,
           refresh_token_sealed = $4, version = version + 1, updated_at = $5
         WHERE id = $6 AND version = $7 AND status = 'live'`,
      [
        this.box.seal(tokens.accessToken),
        tokens.accessIssuedAt,
        tokens.accessExpiresAt,
        this.box.seal(tokens.refreshToken),
        now,
        id,
        expectedVersion,
      ],
    );
    return changed === 1;
  }

  async markChainDead(id: string, expectedVersion: number, now: number): Promise<boolean> {
    return this.transaction(async (client) => {
      const sql = "UPDATE chains SET status = 'dead', updated_at = $1 WHERE id = $2 AND version = $3";
      if ((await client.query(sql, [now, id, expectedVersion])).rowCount !== 1) return false;
      await client.query("DELETE FROM sessions WHERE chain_id = $1", [id]);
      return true;
    });
  }

  async purge(cutoffs: PurgeCutoffs): Promise<PurgeCounts> {
    return this.transaction(async (client) => {
      const count = async (sql: string, values: unknown[] = []) =>
        (await client.query(sql, values)).rowCount ?? 0;
      const logins = await count("DELETE FROM logins WHERE expires_at < $1", [cutoffs.now]);
      const sessions = await count(
        "DELETE FROM sessions WHERE last_used_at < $1 OR created_at < $2 OR chain_id IN (SELECT id FROM chains WHERE status = 'dead')",
        [cutoffs.sessionIdleBefore, cutoffs.sessionCreatedBefore],
      );
      // Logins pointing at a dead chain go with it (ON DELETE CASCADE).
      const chains = await count("DELETE FROM chains WHERE status = 'dead'");
      // The shared error ledger's rows that no longer count (not reported: they are not sign-in records).
      await count("DELETE FROM eol_error_events WHERE at < $1", [cutoffs.now - ERROR_WINDOW_MS]);
      await count("DELETE FROM eol_error_blocks WHERE until <= $1", [cutoffs.now]);
      return { logins, sessions, chains };
    });
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.lockPool.end(), this.resultCache.close()]);
  }
}

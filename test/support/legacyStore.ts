/**
 * Databases as the gateway made them before its one Kysely migration list: a frozen copy of the two
 * former lists (SQLite's `schema_migrations`, up to version 4; PostgreSQL's `eol_schema_migrations`, up
 * to version 6) and their runners, plus rows written the way those stores wrote them. Never edit these:
 * they are what installed gateways have on disk.
 */
import Database from "better-sqlite3";
import pg from "pg";
import type { SecretBox } from "../../src/gateway/crypto/secretBox";

interface LegacyMigration {
  version: number;
  name: string;
  sql: string;
}

export const LEGACY_SQLITE_MIGRATIONS: readonly LegacyMigration[] = [
  {
    version: 1,
    name: "logins, sessions, chains",
    sql: `
      CREATE TABLE chains (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        client_id TEXT NOT NULL,
        country TEXT NOT NULL,
        client_secret_sealed TEXT NOT NULL,
        access_token_sealed TEXT NOT NULL,
        access_issued_at INTEGER NOT NULL,
        access_expires_at INTEGER NOT NULL,
        refresh_token_sealed TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('live', 'dead')),
        version INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (user_id, client_id, country)
      );
      CREATE TABLE logins (
        id TEXT PRIMARY KEY,
        secret_hash TEXT NOT NULL,
        country TEXT NOT NULL,
        client_id TEXT NOT NULL,
        client_secret_sealed TEXT NOT NULL,
        redirect_uri TEXT NOT NULL,
        managed INTEGER NOT NULL,
        state_hash TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'failed', 'redeemed')),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        chain_id TEXT REFERENCES chains(id) ON DELETE CASCADE,
        user_json TEXT,
        current_division INTEGER,
        error_code TEXT,
        error_message TEXT
      );
      CREATE INDEX logins_expires_at ON logins (expires_at);
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        chain_id TEXT NOT NULL REFERENCES chains(id) ON DELETE CASCADE,
        user_json TEXT NOT NULL,
        country TEXT NOT NULL,
        client_id TEXT NOT NULL,
        current_division INTEGER,
        managed INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_chain_id ON sessions (chain_id);
    `,
  },
  {
    version: 2,
    name: "meta (key check)",
    sql: `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  },
  {
    version: 3,
    name: "login completion code",
    sql: `ALTER TABLE logins ADD COLUMN completion_hash TEXT;`,
  },
  {
    version: 4,
    name: "login tokens kept while the identity read is retried",
    sql: `ALTER TABLE logins ADD COLUMN kept_tokens_sealed TEXT;`,
  },
];

export const LEGACY_POSTGRES_MIGRATIONS: readonly LegacyMigration[] = [
  {
    version: 1,
    name: "logins, sessions, chains, meta",
    sql: `
      CREATE TABLE chains (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        client_id TEXT NOT NULL,
        country TEXT NOT NULL,
        client_secret_sealed TEXT NOT NULL,
        access_token_sealed TEXT NOT NULL,
        access_issued_at BIGINT NOT NULL,
        access_expires_at BIGINT NOT NULL,
        refresh_token_sealed TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('live', 'dead')),
        version INTEGER NOT NULL,
        updated_at BIGINT NOT NULL,
        UNIQUE (user_id, client_id, country)
      );
      CREATE TABLE logins (
        id TEXT PRIMARY KEY,
        secret_hash TEXT NOT NULL,
        country TEXT NOT NULL,
        client_id TEXT NOT NULL,
        client_secret_sealed TEXT NOT NULL,
        redirect_uri TEXT NOT NULL,
        managed BOOLEAN NOT NULL,
        state_hash TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'failed', 'redeemed')),
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        chain_id TEXT REFERENCES chains(id) ON DELETE CASCADE,
        user_json TEXT,
        current_division INTEGER,
        error_code TEXT,
        error_message TEXT,
        completion_hash TEXT
      );
      CREATE INDEX logins_expires_at ON logins (expires_at);
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        chain_id TEXT NOT NULL REFERENCES chains(id) ON DELETE CASCADE,
        user_json TEXT NOT NULL,
        country TEXT NOT NULL,
        client_id TEXT NOT NULL,
        current_division INTEGER,
        managed BOOLEAN NOT NULL,
        created_at BIGINT NOT NULL,
        last_used_at BIGINT NOT NULL
      );
      CREATE INDEX sessions_chain_id ON sessions (chain_id);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: "error ledger shared by instances",
    sql: `
      CREATE TABLE eol_error_events (key TEXT NOT NULL, at BIGINT NOT NULL);
      CREATE INDEX eol_error_events_key_at ON eol_error_events (key, at);
      CREATE TABLE eol_error_blocks (key TEXT PRIMARY KEY, until BIGINT NOT NULL);
    `,
  },
  {
    version: 3,
    name: "rate budgets shared by instances",
    sql: `
      CREATE TABLE eol_rate_budgets (
        key TEXT PRIMARY KEY,
        minute_limit INTEGER,
        minute_remaining INTEGER,
        minute_reset BIGINT,
        day_limit INTEGER,
        day_remaining INTEGER,
        day_reset BIGINT
      );
    `,
  },
  {
    version: 4,
    name: "result cache shared by instances",
    sql: `
      CREATE TABLE eol_result_cache (
        key TEXT PRIMARY KEY,
        chain_id TEXT NOT NULL,
        value_sealed TEXT NOT NULL,
        as_of BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX eol_result_cache_chain ON eol_result_cache (chain_id);
    `,
  },
  {
    version: 5,
    name: "fan-out progress shared by instances",
    sql: `
      CREATE TABLE eol_progress (
        session_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        table_name TEXT NOT NULL,
        done INTEGER NOT NULL,
        total INTEGER NOT NULL,
        finished BOOLEAN NOT NULL,
        expires_at BIGINT NOT NULL,
        PRIMARY KEY (session_id, request_id)
      );
      CREATE INDEX eol_progress_expires_at ON eol_progress (expires_at);
    `,
  },
  {
    version: 6,
    name: "login tokens kept while the identity read is retried",
    sql: `ALTER TABLE logins ADD COLUMN kept_tokens_sealed TEXT;`,
  },
];

/** What a legacy database at `version` holds beside the first tables. */
export interface LegacyShape {
  meta: boolean;
  completionHash: boolean;
  keptTokens: boolean;
}

export const legacySqliteShape = (version: number): LegacyShape => ({
  meta: version >= 2,
  completionHash: version >= 3,
  keptTokens: version >= 4,
});

export const legacyPostgresShape = (version: number): LegacyShape => ({
  meta: true,
  completionHash: true,
  keptTokens: version >= 6,
});

/** The former SQLite runner: `schema_migrations`, one transaction per version, up to `upTo`. */
export function createLegacySqlite(file: string, upTo: number): void {
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    for (const migration of LEGACY_SQLITE_MIGRATIONS.filter(({ version }) => version <= upTo)) {
      db.transaction(() => {
        db.exec(migration.sql);
        db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
          migration.version,
          migration.name,
          new Date().toISOString(),
        );
      })();
    }
  } finally {
    db.close();
  }
}

/** The former PostgreSQL runner: `eol_schema_migrations`, one transaction per version, up to `upTo`. */
export async function createLegacyPostgres(url: string, upTo: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      "CREATE TABLE IF NOT EXISTS eol_schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    );
    for (const migration of LEGACY_POSTGRES_MIGRATIONS.filter(({ version }) => version <= upTo)) {
      await client.query("BEGIN");
      await client.query(migration.sql);
      await client.query("INSERT INTO eol_schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      await client.query("COMMIT");
    }
  } finally {
    await client.end();
  }
}

export const LEGACY_NOW = 1_700_000_000_000;
export const LEGACY_USER = { id: "u-1", fullName: "Ann Smith", userName: "ann", email: "ann@example.com" };
export const LEGACY_TOKENS = {
  accessToken: "access-token-plain",
  accessIssuedAt: LEGACY_NOW,
  accessExpiresAt: LEGACY_NOW + 600_000,
  refreshToken: "refresh-token-plain",
};

/**
 * The INSERTs a legacy store ran for one live chain (at version 3), one session on it, one pending login
 * (with kept tokens and a completion hash where the schema had them) and the sealed key marker. `?`
 * placeholders; `flag` is how the dialect writes a boolean.
 */
export function legacyRows(
  box: SecretBox,
  shape: LegacyShape,
  flag: (value: boolean) => unknown,
): { sql: string; values: unknown[] }[] {
  const rows = [
    {
      sql: `INSERT INTO chains (id, user_id, client_id, country, client_secret_sealed, access_token_sealed,
          access_issued_at, access_expires_at, refresh_token_sealed, status, version, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'live', 3, ?)`,
      values: [
        "chain-1",
        LEGACY_USER.id,
        "client-1",
        "nl",
        box.seal("client-secret-plain"),
        box.seal(LEGACY_TOKENS.accessToken),
        LEGACY_TOKENS.accessIssuedAt,
        LEGACY_TOKENS.accessExpiresAt,
        box.seal(LEGACY_TOKENS.refreshToken),
        LEGACY_NOW,
      ],
    },
    {
      sql: `INSERT INTO sessions (id, token_hash, chain_id, user_json, country, client_id, current_division, managed,
          created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      values: [
        "session-1",
        "token-hash-1",
        "chain-1",
        JSON.stringify(LEGACY_USER),
        "nl",
        "client-1",
        42,
        flag(true),
        LEGACY_NOW,
        LEGACY_NOW + 1,
      ],
    },
    {
      sql: `INSERT INTO logins (id, secret_hash, country, client_id, client_secret_sealed, redirect_uri, managed,
          state_hash, status, created_at, expires_at, error_code, error_message)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
      values: [
        "login-1",
        "secret-hash-1",
        "nl",
        "client-1",
        box.seal("client-secret-plain"),
        "https://eol.example.com/auth/callback",
        flag(false),
        "state-hash-1",
        LEGACY_NOW,
        LEGACY_NOW + 600_000,
        "exact_unavailable",
        "Exact did not answer.",
      ],
    },
  ];
  if (shape.completionHash) {
    rows.push({
      sql: "UPDATE logins SET completion_hash = ? WHERE id = ?",
      values: ["completion-1", "login-1"],
    });
  }
  if (shape.keptTokens) {
    const kept = box.seal(JSON.stringify(LEGACY_TOKENS));
    rows.push({ sql: "UPDATE logins SET kept_tokens_sealed = ? WHERE id = ?", values: [kept, "login-1"] });
  }
  if (shape.meta) {
    rows.push({
      sql: "INSERT INTO meta (key, value) VALUES ('key_check', ?)",
      values: [box.seal("eol-key-check")],
    });
  }
  return rows;
}

export function seedLegacySqlite(file: string, box: SecretBox, shape: LegacyShape): void {
  const db = new Database(file);
  try {
    for (const { sql, values } of legacyRows(box, shape, (value) => (value ? 1 : 0))) {
      db.prepare(sql).run(...values);
    }
  } finally {
    db.close();
  }
}

export async function seedLegacyPostgres(url: string, box: SecretBox, shape: LegacyShape): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const { sql, values } of legacyRows(box, shape, (value) => value)) {
      let index = 0;
      await client.query(
        sql.replace(/\?/g, () => `$${++index}`),
        values,
      );
    }
  } finally {
    await client.end();
  }
}

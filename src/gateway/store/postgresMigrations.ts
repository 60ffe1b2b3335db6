/**
 * PostgreSQL schema migrations (the same tables and columns as SQLite's, in PostgreSQL's types:
 * BIGINT milliseconds, BOOLEAN flags). Applied under an advisory lock so several instances starting at
 * once never race; `eol_schema_migrations` records which ran. Never edit a shipped migration: append.
 */
export const PG_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
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
  {
    version: 7,
    name: "result cache bounded by bytes",
    sql: `ALTER TABLE eol_result_cache ADD COLUMN size_bytes BIGINT NOT NULL DEFAULT 0;`,
  },
];

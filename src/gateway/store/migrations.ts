/**
 * Schema migrations, applied in order inside one transaction each; `schema_migrations` records which ran.
 * Never edit a shipped migration: append a new one. Secret columns (`*_sealed`) hold AES-GCM ciphertext.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
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

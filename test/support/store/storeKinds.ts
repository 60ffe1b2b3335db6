/** The stores the contract runs against (SQLite, a real PostgreSQL) and record fixtures for them. */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { SecretBox } from "../../../src/gateway/crypto/secretBox";
import { sha256 } from "../../../src/gateway/crypto/random";
import { PostgresAuthStore } from "../../../src/gateway/store/postgresStore";
import { DATABASE_FILE, openSqliteStore } from "../../../src/gateway/store/sqliteStore";
import type { AuthStore, LoginRecord, NewChain, SessionRecord } from "../../../src/gateway/store/types";
import { NEW_LOGIN_OUTCOME } from "../../../src/gateway/store/types";
import type { TestPostgres } from "../postgres";

export interface StoreKind {
  name: string;
  open(key: Buffer): Promise<{ store: AuthStore; location: string }>;
  /** Every text value stored in the chains and logins tables, straight from the database. */
  rawText(location: string): Promise<string>;
}

export const sqlite: StoreKind = {
  name: "SQLite",
  open: async (key) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eol-contract-"));
    return { store: await openSqliteStore(dir, new SecretBox(key)), location: dir };
  },
  rawText: async (dir) => {
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    try {
      return JSON.stringify([
        db.prepare("SELECT * FROM chains").all(),
        db.prepare("SELECT * FROM logins").all(),
      ]);
    } finally {
      db.close();
    }
  },
};

/** The PostgreSQL kind on the suite's server (`server()` is read when a store opens). */
export const postgresKind = (server: () => TestPostgres): StoreKind => ({
  name: "PostgreSQL",
  open: async (key) => {
    const url = await server().createDatabase();
    return { store: await PostgresAuthStore.open(url, new SecretBox(key)), location: url };
  },
  rawText: async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const chains = await client.query("SELECT * FROM chains");
      const logins = await client.query("SELECT * FROM logins");
      return JSON.stringify([chains.rows, logins.rows]);
    } finally {
      await client.end();
    }
  },
});

export const NOW = 1_700_000_000_000;
export const user = { id: "u-1", fullName: "Ann Smith", userName: "ann", email: "ann@example.com" };

export function login(overrides: Partial<LoginRecord> = {}): LoginRecord {
  return {
    id: crypto.randomUUID(),
    secretHash: sha256("login-secret"),
    country: "nl",
    clientId: "client-1",
    clientSecret: "client-secret-plain",
    redirectUri: "https://eol.example.com/auth/callback",
    managed: false,
    ...NEW_LOGIN_OUTCOME,
    createdAt: NOW,
    expiresAt: NOW + 600_000,
    ...overrides,
  };
}

export function chain(overrides: Partial<NewChain> = {}): NewChain {
  return {
    userId: "u-1",
    clientId: "client-1",
    country: "nl",
    clientSecret: "client-secret-plain",
    accessToken: "access-token-plain",
    accessIssuedAt: NOW,
    accessExpiresAt: NOW + 600_000,
    refreshToken: "refresh-token-plain",
    ...overrides,
  };
}

export function session(chainId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: crypto.randomUUID(),
    tokenHash: sha256(crypto.randomUUID()),
    chainId,
    user,
    country: "nl",
    clientId: "client-1",
    currentDivision: 12345,
    managed: true,
    createdAt: NOW,
    lastUsedAt: NOW,
    ...overrides,
  };
}

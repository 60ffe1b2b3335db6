/**
 * Databases made before the one migration list (SQLite at each of its former versions 1–4, PostgreSQL at
 * each of 1–6) open in place: their rows are intact and readable (sealed secrets still open with the same
 * key), the columns and tables they lacked are there, and the former version table gives way to the new one.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { SecretBox } from "../../../src/gateway/crypto/secretBox";
import { MIGRATION_TABLE, storeMigrations } from "../../../src/gateway/store/migrations";
import { PostgresAuthStore } from "../../../src/gateway/store/postgresStore";
import { DATABASE_FILE, openSqliteStore } from "../../../src/gateway/store/sqliteStore";
import type { AuthStore } from "../../../src/gateway/store/types";
import {
  createLegacyPostgres,
  createLegacySqlite,
  LEGACY_NOW,
  LEGACY_POSTGRES_MIGRATIONS,
  LEGACY_SQLITE_MIGRATIONS,
  LEGACY_TOKENS,
  LEGACY_USER,
  legacyPostgresShape,
  legacySqliteShape,
  seedLegacyPostgres,
  seedLegacySqlite,
  type LegacyShape,
} from "../../support/legacyStore";
import { startPostgres, type TestPostgres } from "../../support/postgres";

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 90_000);
afterAll(() => postgres?.stop());

const NEW_MIGRATIONS = Object.keys(storeMigrations("sqlite"));

/** Every legacy row reads back as it was written, and the newest columns take writes. */
async function expectRowsIntact(store: AuthStore, shape: LegacyShape): Promise<void> {
  expect(await store.getChain("chain-1")).toEqual({
    id: "chain-1",
    userId: LEGACY_USER.id,
    clientId: "client-1",
    country: "nl",
    clientSecret: "client-secret-plain",
    ...LEGACY_TOKENS,
    status: "live",
    version: 3,
    updatedAt: LEGACY_NOW,
  });
  expect(await store.getSessionWithChain("token-hash-1")).toEqual({
    session: {
      id: "session-1",
      tokenHash: "token-hash-1",
      chainId: "chain-1",
      user: LEGACY_USER,
      country: "nl",
      clientId: "client-1",
      currentDivision: 42,
      managed: true,
      createdAt: LEGACY_NOW,
      lastUsedAt: LEGACY_NOW + 1,
    },
    chainLive: true,
  });
  expect(await store.getLogin("login-1")).toEqual({
    id: "login-1",
    secretHash: "secret-hash-1",
    country: "nl",
    clientId: "client-1",
    clientSecret: "client-secret-plain",
    redirectUri: "https://eol.example.com/auth/callback",
    managed: false,
    stateHash: "state-hash-1",
    status: "pending",
    createdAt: LEGACY_NOW,
    expiresAt: LEGACY_NOW + 600_000,
    chainId: null,
    user: null,
    currentDivision: null,
    errorCode: "exact_unavailable",
    errorMessage: "Exact did not answer.",
    completionHash: shape.completionHash ? "completion-1" : null,
    keptTokens: shape.keptTokens ? LEGACY_TOKENS : null,
  });
  const retry = { ...LEGACY_TOKENS, accessToken: "access-2", refreshToken: "refresh-2" };
  const kept = {
    tokens: retry,
    errorCode: "me_failed",
    errorMessage: "Again.",
    completionHash: "completion-2",
  };
  expect(await store.keepLoginTokens("login-1", kept)).toBe(true);
  expect(await store.getLogin("login-1")).toMatchObject({
    keptTokens: retry,
    completionHash: "completion-2",
  });
}

describe("a SQLite database made before the one migration list", () => {
  test.each(LEGACY_SQLITE_MIGRATIONS.map(({ version }) => version))(
    "at former version %i is upgraded in place with its rows intact",
    async (version) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eol-legacy-"));
      const file = path.join(dir, DATABASE_FILE);
      const key = crypto.randomBytes(32);
      const shape = legacySqliteShape(version);
      createLegacySqlite(file, version);
      seedLegacySqlite(file, new SecretBox(key), shape);

      const store = await openSqliteStore(dir, new SecretBox(key));
      try {
        await expectRowsIntact(store, shape);
      } finally {
        await store.close();
      }

      const db = new Database(file, { readonly: true });
      try {
        const tables = (
          db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
            name: string;
          }[]
        ).map(({ name }) => name);
        expect(tables).not.toContain("schema_migrations");
        const ran = db.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all();
        expect(ran).toEqual(NEW_MIGRATIONS.map((name) => ({ name })));
      } finally {
        db.close();
      }
      // Opening again changes nothing, and the key marker (kept or written now) still guards the data.
      const again = await openSqliteStore(dir, new SecretBox(key));
      expect((await again.getChain("chain-1"))?.refreshToken).toBe(LEGACY_TOKENS.refreshToken);
      await again.close();
      await expect(openSqliteStore(dir, new SecretBox(crypto.randomBytes(32)))).rejects.toThrow(
        /secret key does not match/,
      );
    },
  );
});

describe("a PostgreSQL database made before the one migration list", () => {
  test.each(LEGACY_POSTGRES_MIGRATIONS.map(({ version }) => version))(
    "at former version %i is upgraded in place with its rows intact and the shared tables there",
    async (version) => {
      const url = await postgres.createDatabase();
      const key = crypto.randomBytes(32);
      const shape = legacyPostgresShape(version);
      await createLegacyPostgres(url, version);
      await seedLegacyPostgres(url, new SecretBox(key), shape);

      const store = await PostgresAuthStore.open(url, new SecretBox(key));
      try {
        await expectRowsIntact(store, shape);
        // The tables instances share, whichever of them the database had.
        await store.errorLedger.record("k", LEGACY_NOW);
        expect(await store.errorLedger.errorsSince("k", 0)).toEqual([LEGACY_NOW]);
        await store.progressBoard.purge(LEGACY_NOW);
        expect(await store.resultCache.stats("chain-1", LEGACY_NOW)).toMatchObject({ entries: 0 });
      } finally {
        await store.close();
      }

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows: legacy } = await client.query("SELECT to_regclass('eol_schema_migrations') AS t");
        expect(legacy).toEqual([{ t: null }]);
        const { rows: ran } = await client.query(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`);
        expect(ran).toEqual(NEW_MIGRATIONS.map((name) => ({ name })));
        const { rows: budgets } = await client.query("SELECT count(*)::int AS n FROM eol_rate_budgets");
        expect(budgets).toEqual([{ n: 0 }]);
      } finally {
        await client.end();
      }
      await expect(PostgresAuthStore.open(url, new SecretBox(crypto.randomBytes(32)))).rejects.toThrow(
        /secret key does not match/,
      );
    },
  );
});

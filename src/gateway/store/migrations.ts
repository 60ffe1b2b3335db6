/**
 * The store's one migration list, run by Kysely's `Migrator` on SQLite and PostgreSQL alike (it records
 * what ran in `eol_migrations`; on PostgreSQL under an advisory lock, so instances starting at once never
 * race). Never edit a shipped migration: append a new one. Each migration gets the dialect only where the
 * column types differ (BIGINT and BOOLEAN on PostgreSQL, INTEGER on SQLite).
 *
 * Databases made before this list (two lists that had drifted apart: `schema_migrations` on SQLite, up to
 * version 4; `eol_schema_migrations` on PostgreSQL, up to version 6) are upgraded in place by the first two
 * migrations, which create only what is missing:
 *   SQLite v1 → lacks meta, logins.completion_hash, logins.kept_tokens_sealed; v2 → lacks both columns;
 *   v3 → lacks kept_tokens_sealed; v4 → complete.
 *   PostgreSQL v1 → lacks the coordination tables of v2–v5 and kept_tokens_sealed; v2–v5 → lack the later
 *   tables and kept_tokens_sealed; v6 → complete.
 * The former version table is then dropped: `eol_migrations` is the record from here on.
 */
import { Migrator, sql, type Kysely, type Migration } from "kysely";

export type StoreDialect = "sqlite" | "postgres";

// Migrations see the schema as it was when they were written, not today's typed tables (Kysely's idiom).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const LEGACY_VERSION_TABLES = ["schema_migrations", "eol_schema_migrations"];

/** Column types where the dialects differ. */
function types(dialect: StoreDialect) {
  return dialect === "postgres"
    ? ({ time: "bigint", flag: "boolean" } as const)
    : ({ time: "integer", flag: "integer" } as const);
}

async function columnsOf(db: AnyDb, table: string): Promise<Set<string> | null> {
  const tables = await db.introspection.getTables();
  const found = tables.find((candidate) => candidate.name === table);
  return found ? new Set(found.columns.map((column) => column.name)) : null;
}

/** Logins, sessions, token chains and meta: the records both dialects keep. */
const recordsBaseline = (dialect: StoreDialect): Migration => ({
  async up(db) {
    const { time, flag } = types(dialect);
    await db.schema
      .createTable("chains")
      .ifNotExists()
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("user_id", "text", (col) => col.notNull())
      .addColumn("client_id", "text", (col) => col.notNull())
      .addColumn("country", "text", (col) => col.notNull())
      .addColumn("client_secret_sealed", "text", (col) => col.notNull())
      .addColumn("access_token_sealed", "text", (col) => col.notNull())
      .addColumn("access_issued_at", time, (col) => col.notNull())
      .addColumn("access_expires_at", time, (col) => col.notNull())
      .addColumn("refresh_token_sealed", "text", (col) => col.notNull())
      .addColumn("status", "text", (col) => col.notNull().check(sql`status IN ('live', 'dead')`))
      .addColumn("version", "integer", (col) => col.notNull())
      .addColumn("updated_at", time, (col) => col.notNull())
      .addUniqueConstraint("chains_user_client_country", ["user_id", "client_id", "country"])
      .execute();
    await db.schema
      .createTable("logins")
      .ifNotExists()
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("secret_hash", "text", (col) => col.notNull())
      .addColumn("country", "text", (col) => col.notNull())
      .addColumn("client_id", "text", (col) => col.notNull())
      .addColumn("client_secret_sealed", "text", (col) => col.notNull())
      .addColumn("redirect_uri", "text", (col) => col.notNull())
      .addColumn("managed", flag, (col) => col.notNull())
      .addColumn("state_hash", "text")
      .addColumn("status", "text", (col) =>
        col.notNull().check(sql`status IN ('pending', 'completed', 'failed', 'redeemed')`),
      )
      .addColumn("created_at", time, (col) => col.notNull())
      .addColumn("expires_at", time, (col) => col.notNull())
      .addColumn("chain_id", "text", (col) => col.references("chains.id").onDelete("cascade"))
      .addColumn("user_json", "text")
      .addColumn("current_division", "integer")
      .addColumn("error_code", "text")
      .addColumn("error_message", "text")
      .addColumn("completion_hash", "text")
      .addColumn("kept_tokens_sealed", "text")
      .execute();
    // Columns a login table made by an earlier list can lack (both nullable: existing rows stay valid).
    const loginColumns = (await columnsOf(db, "logins"))!;
    for (const column of ["completion_hash", "kept_tokens_sealed"]) {
      if (!loginColumns.has(column)) await db.schema.alterTable("logins").addColumn(column, "text").execute();
    }
    await db.schema
      .createIndex("logins_expires_at")
      .ifNotExists()
      .on("logins")
      .column("expires_at")
      .execute();
    await db.schema
      .createTable("sessions")
      .ifNotExists()
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("token_hash", "text", (col) => col.notNull().unique())
      .addColumn("chain_id", "text", (col) => col.notNull().references("chains.id").onDelete("cascade"))
      .addColumn("user_json", "text", (col) => col.notNull())
      .addColumn("country", "text", (col) => col.notNull())
      .addColumn("client_id", "text", (col) => col.notNull())
      .addColumn("current_division", "integer")
      .addColumn("managed", flag, (col) => col.notNull())
      .addColumn("created_at", time, (col) => col.notNull())
      .addColumn("last_used_at", time, (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("sessions_chain_id")
      .ifNotExists()
      .on("sessions")
      .column("chain_id")
      .execute();
    await db.schema
      .createTable("meta")
      .ifNotExists()
      .addColumn("key", "text", (col) => col.primaryKey())
      .addColumn("value", "text", (col) => col.notNull())
      .execute();
    for (const table of LEGACY_VERSION_TABLES) await db.schema.dropTable(table).ifExists().execute();
  },
});

/**
 * What several instances share through PostgreSQL: the error ledger, rate budgets, result cache and
 * fan-out progress. Nothing on SQLite, where one process keeps them in memory.
 */
const sharedCoordination = (dialect: StoreDialect): Migration => ({
  async up(db) {
    if (dialect !== "postgres") return;
    await db.schema
      .createTable("eol_error_events")
      .ifNotExists()
      .addColumn("key", "text", (col) => col.notNull())
      .addColumn("at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("eol_error_events_key_at")
      .ifNotExists()
      .on("eol_error_events")
      .columns(["key", "at"])
      .execute();
    await db.schema
      .createTable("eol_error_blocks")
      .ifNotExists()
      .addColumn("key", "text", (col) => col.primaryKey())
      .addColumn("until", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createTable("eol_rate_budgets")
      .ifNotExists()
      .addColumn("key", "text", (col) => col.primaryKey())
      .addColumn("minute_limit", "integer")
      .addColumn("minute_remaining", "integer")
      .addColumn("minute_reset", "bigint")
      .addColumn("day_limit", "integer")
      .addColumn("day_remaining", "integer")
      .addColumn("day_reset", "bigint")
      .execute();
    await db.schema
      .createTable("eol_result_cache")
      .ifNotExists()
      .addColumn("key", "text", (col) => col.primaryKey())
      .addColumn("chain_id", "text", (col) => col.notNull())
      .addColumn("value_sealed", "text", (col) => col.notNull())
      .addColumn("as_of", "bigint", (col) => col.notNull())
      .addColumn("expires_at", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("eol_result_cache_chain")
      .ifNotExists()
      .on("eol_result_cache")
      .column("chain_id")
      .execute();
    await db.schema
      .createTable("eol_progress")
      .ifNotExists()
      .addColumn("session_id", "text", (col) => col.notNull())
      .addColumn("request_id", "text", (col) => col.notNull())
      .addColumn("table_name", "text", (col) => col.notNull())
      .addColumn("done", "integer", (col) => col.notNull())
      .addColumn("total", "integer", (col) => col.notNull())
      .addColumn("finished", "boolean", (col) => col.notNull())
      .addColumn("expires_at", "bigint", (col) => col.notNull())
      .addPrimaryKeyConstraint("eol_progress_pkey", ["session_id", "request_id"])
      .execute();
    await db.schema
      .createIndex("eol_progress_expires_at")
      .ifNotExists()
      .on("eol_progress")
      .column("expires_at")
      .execute();
  },
});

/** Each user's calls of a shared rate budget's current minute (the minute reserve across instances). */
const rateShares = (dialect: StoreDialect): Migration => ({
  async up(db) {
    if (dialect !== "postgres") return;
    await db.schema
      .createTable("eol_rate_shares")
      .ifNotExists()
      .addColumn("key", "text", (col) => col.notNull())
      .addColumn("user_key", "text", (col) => col.notNull())
      .addColumn("minute", "bigint", (col) => col.notNull())
      .addColumn("used", "integer", (col) => col.notNull())
      .addPrimaryKeyConstraint("eol_rate_shares_pkey", ["key", "user_key"])
      .execute();
  },
});

/** Each cached answer's size, so the shared cache can be bounded by bytes (EOL_CACHE_MAX_BYTES). */
const resultCacheBytes = (dialect: StoreDialect): Migration => ({
  async up(db) {
    if (dialect !== "postgres") return;
    await db.schema
      .alterTable("eol_result_cache")
      .addColumn("size_bytes", "bigint", (col) => col.notNull().defaultTo(0))
      .execute();
  },
});

/** Exact's definitive 4xx answers remembered for every instance (coordination/postgresRememberedErrors.ts). */
const rememberedErrors = (dialect: StoreDialect): Migration => ({
  async up(db) {
    if (dialect !== "postgres") return;
    await db.schema
      .createTable("eol_remembered_errors")
      .ifNotExists()
      .addColumn("key", "text", (col) => col.primaryKey())
      .addColumn("chain_id", "text", (col) => col.notNull())
      .addColumn("error_sealed", "text", (col) => col.notNull())
      .addColumn("until", "bigint", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("eol_remembered_errors_chain")
      .ifNotExists()
      .on("eol_remembered_errors")
      .column("chain_id")
      .execute();
  },
});

/**
 * Access reviews: what each access-review answer served (kept 24 hours, for its caller) and the signed-off
 * reviews, append-only (no statement anywhere updates or deletes one), chained per licence by `sequence`.
 */
const reviews = (dialect: StoreDialect): Migration => ({
  async up(db) {
    const { time } = types(dialect);
    await db.schema
      .createTable("review_snapshots")
      .ifNotExists()
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("user_id", "text", (col) => col.notNull())
      .addColumn("licence", "text", (col) => col.notNull())
      .addColumn("scope_key", "text", (col) => col.notNull())
      .addColumn("served_at", time, (col) => col.notNull())
      .addColumn("expires_at", time, (col) => col.notNull())
      .addColumn("content_json", "text", (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex("review_snapshots_expires_at")
      .ifNotExists()
      .on("review_snapshots")
      .column("expires_at")
      .execute();
    await db.schema
      .createTable("reviews")
      .ifNotExists()
      .addColumn("id", "text", (col) => col.primaryKey())
      .addColumn("licence", "text", (col) => col.notNull())
      .addColumn("sequence", "integer", (col) => col.notNull())
      .addColumn("scope_key", "text", (col) => col.notNull())
      .addColumn("snapshot_id", "text", (col) => col.notNull().unique())
      .addColumn("reviewer_id", "text", (col) => col.notNull())
      .addColumn("signed_at", time, (col) => col.notNull())
      .addColumn("evidence_json", "text", (col) => col.notNull())
      .addColumn("previous_hash", "text")
      .addColumn("hash", "text", (col) => col.notNull())
      // Counts for the list, derived from the evidence (not hashed: verify never trusts them).
      .addColumn("summary_json", "text", (col) => col.notNull())
      // Two sign-offs of one licence at once cannot both take the same place in its chain.
      .addUniqueConstraint("reviews_licence_sequence", ["licence", "sequence"])
      .execute();
    await db.schema
      .createIndex("reviews_licence_scope")
      .ifNotExists()
      .on("reviews")
      .columns(["licence", "scope_key", "sequence"])
      .execute();
  },
});

/** The list, in order (Kysely sorts by name). */
export function storeMigrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    "0001_records_baseline": recordsBaseline(dialect),
    "0002_shared_coordination": sharedCoordination(dialect),
    "0003_rate_shares": rateShares(dialect),
    "0004_result_cache_bytes": resultCacheBytes(dialect),
    "0005_remembered_errors": rememberedErrors(dialect),
    "0006_reviews": reviews(dialect),
  };
}

export const MIGRATION_TABLE = "eol_migrations";

/** Brings the database to the latest migration; throws naming the migration that failed. */
export async function migrateStore(db: AnyDb, dialect: StoreDialect): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => storeMigrations(dialect) },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((result) => result.status === "Error")?.migrationName;
  const message = error instanceof Error ? error.message : String(error);
  throw new Error(failed ? `migration ${failed} failed: ${message}` : message);
}

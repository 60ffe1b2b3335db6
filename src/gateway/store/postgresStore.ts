/** Opens the records store on PostgreSQL, with what several instances share beside the records. */
import { Kysely, PostgresDialect } from "kysely";
import { warnConnectionLost } from "./connectionLost";
import pg from "pg";
import type { SecretBox } from "../crypto/secretBox";
import { ERROR_WINDOW_MS } from "./types";
import { withAdvisoryLock } from "./postgresSharedLock";
import { PostgresErrorLedger } from "./postgresErrorLedger";
import { PostgresRateBudget } from "./postgresRateBudget";
import { PostgresProgressBoard } from "./postgresProgressBoard";
import { PostgresResultCache } from "./postgresResultCache";
import { migrateStore } from "./migrations";
import { RecordStore } from "./recordStore";
import type { StoreTables } from "./tables";
import type { PurgeCounts, PurgeCutoffs } from "./types";

const INT8_OID = 20;

/** BIGINT columns hold epoch milliseconds, well within a JavaScript number: read them as numbers. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary"
      ? Number
      : pg.types.getTypeParser(oid, format ?? "text")) as pg.CustomTypesConfig["getTypeParser"],
};

/** Where the database is, for messages: never the password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "EOL_DATABASE_URL";
  }
}

/**
 * The records store on PostgreSQL (node-postgres pool), selected by EOL_DATABASE_URL so several gateway
 * instances share one store, plus what those instances share beside the records: the chain lock, error
 * ledger, rate budgets, result cache and progress board (coordination/postgres.ts puts them to use).
 */
export class PostgresAuthStore extends RecordStore {
  readonly errorLedger: PostgresErrorLedger;
  readonly rateBudget: PostgresRateBudget;
  readonly resultCache: PostgresResultCache;
  readonly progressBoard: PostgresProgressBoard;

  private constructor(
    readonly pool: pg.Pool,
    box: SecretBox,
    url: string,
    /**
     * Connections that only hold shared locks. The work done under a lock queries `pool`; were the
     * locks held on `pool` too, as many concurrent refreshes of different chains as it has connections
     * would hold them all and wait for one more for ever (until the connect time-out).
     */
    private readonly lockPool: pg.Pool,
  ) {
    super(new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) }), box);
    this.errorLedger = new PostgresErrorLedger(pool);
    this.rateBudget = new PostgresRateBudget(pool);
    this.resultCache = new PostgresResultCache(pool, box, url);
    this.progressBoard = new PostgresProgressBoard(pool);
  }

  /** The store's key, for what the coordination keeps sealed beside the records. */
  get secrets(): SecretBox {
    return this.box;
  }

  withSharedLock<T>(name: string, work: () => Promise<T>): Promise<T> {
    return withAdvisoryLock(this.lockPool, name, work);
  }

  /** Connects, migrates (under Kysely's advisory lock) and checks the key; throws a clear error otherwise. */
  static async open(url: string, box: SecretBox): Promise<PostgresAuthStore> {
    // Keep-alive: a lock held by an instance that vanished without closing its socket is still released.
    const newPool = () => {
      const pool = new pg.Pool({
        connectionString: url,
        connectionTimeoutMillis: 10_000,
        keepAlive: true,
        types,
      });
      // An idle connection that drops (database restart) must not crash the gateway; the pool reconnects.
      pool.on("error", (error) => warnConnectionLost(pool, error));
      return pool;
    };
    const store = new PostgresAuthStore(newPool(), box, url, newPool());
    try {
      await migrateStore(store.db, "postgres");
      await store.checkKey("this database", "set the EOL_SECRET_KEY every instance uses");
    } catch (error) {
      await store.close();
      const where = describeDatabaseUrl(url);
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`PostgreSQL store at ${where} could not be opened: ${message}`);
    }
    return store;
  }

  /** Also drops the shared error ledger's rows that no longer count (not reported: not sign-in records). */
  override async purge(cutoffs: PurgeCutoffs): Promise<PurgeCounts> {
    const counts = await super.purge(cutoffs);
    await this.pool.query("DELETE FROM eol_error_events WHERE at < $1", [cutoffs.now - ERROR_WINDOW_MS]);
    await this.pool.query("DELETE FROM eol_error_blocks WHERE until <= $1", [cutoffs.now]);
    await this.pool.query("DELETE FROM eol_remembered_errors WHERE until <= $1", [cutoffs.now]);
    return counts;
  }

  /** Ends the records pool (through Kysely), the lock pool and the result cache's listener. */
  override async close(): Promise<void> {
    await Promise.all([super.close(), this.lockPool.end(), this.resultCache.close()]);
  }
}

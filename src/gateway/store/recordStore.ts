/**
 * The records store (logins, sessions, token chains, meta), written once over Kysely for SQLite and
 * PostgreSQL alike; sqliteStore.ts and postgresStore.ts only open it on their dialect. Every single-use
 * step is one conditional UPDATE (or one transaction), so two callers, or two instances, never both win.
 */
import type { Kysely } from "kysely";
import type { SecretBox } from "../crypto/secretBox";
import { randomId } from "../crypto/random";
import { compiledOnce } from "./compiledOnce";
import { KyselyReviewStore } from "./reviewStore";
import {
  chainFromRow,
  loginFromRow,
  loginRow,
  sealKeyCheck,
  sealTokens,
  sessionFromRow,
  sessionRow,
  verifyKeyCheck,
} from "./rows";
import type { StoreTables } from "./tables";
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

type Db = Kysely<StoreTables>;

const changed = (result: { numUpdatedRows: bigint } | { numDeletedRows: bigint }): number =>
  Number("numUpdatedRows" in result ? result.numUpdatedRows : result.numDeletedRows);

export class RecordStore implements AuthStore {
  /** The session and its chain's status: the check every request makes, compiled once. */
  private readonly sessionWithChain;
  readonly reviews: KyselyReviewStore;

  constructor(
    protected readonly db: Db,
    protected readonly box: SecretBox,
  ) {
    this.reviews = new KyselyReviewStore(db);
    this.sessionWithChain = compiledOnce(db, (tokenHash: string) =>
      db
        .selectFrom("sessions")
        .leftJoin("chains", "chains.id", "sessions.chain_id")
        .selectAll("sessions")
        .select("chains.status as chain_status")
        .where("sessions.token_hash", "=", tokenHash),
    );
  }

  /**
   * Writes the sealed key marker on first use, then proves the key opens it: a wrong key stops the
   * gateway with a clear message (`where` the data is, and how to `fix` it).
   */
  async checkKey(where: string, fix: string): Promise<void> {
    await this.db
      .insertInto("meta")
      .values({ key: "key_check", value: sealKeyCheck(this.box) })
      .onConflict((conflict) => conflict.column("key").doNothing())
      .execute();
    const { value } = await this.db
      .selectFrom("meta")
      .select("value")
      .where("key", "=", "key_check")
      .executeTakeFirstOrThrow();
    verifyKeyCheck(this.box, value, where, fix);
  }

  async createLogin(login: LoginRecord): Promise<void> {
    await this.db.insertInto("logins").values(loginRow(login, this.box)).execute();
  }

  async getLogin(id: string): Promise<LoginRecord | null> {
    const row = await this.db.selectFrom("logins").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? loginFromRow(row, this.box) : null;
  }

  private pendingLogin(id: string) {
    return this.db.updateTable("logins").where("id", "=", id).where("status", "=", "pending");
  }

  async setLoginState(id: string, stateHash: string): Promise<boolean> {
    return changed(await this.pendingLogin(id).set({ state_hash: stateHash }).executeTakeFirst()) === 1;
  }

  async claimLoginState(id: string, stateHash: string): Promise<boolean> {
    const claim = this.pendingLogin(id).where("state_hash", "=", stateHash).set({ state_hash: null });
    return changed(await claim.executeTakeFirst()) === 1;
  }

  async completeLogin(
    id: string,
    result: { chainId: string; user: ExactUser; currentDivision: number | null; completionHash: string },
  ): Promise<void> {
    await this.pendingLogin(id)
      .set({
        status: "completed",
        chain_id: result.chainId,
        user_json: JSON.stringify(result.user),
        current_division: result.currentDivision,
        completion_hash: result.completionHash,
        kept_tokens_sealed: null,
        error_code: null,
        error_message: null,
      })
      .execute();
  }

  async failLogin(id: string, code: string, message: string): Promise<void> {
    await this.pendingLogin(id)
      .set({
        status: "failed",
        state_hash: null,
        kept_tokens_sealed: null,
        error_code: code,
        error_message: message,
      })
      .execute();
  }

  async keepLoginTokens(id: string, kept: KeptLoginTokens): Promise<boolean> {
    const keep = this.pendingLogin(id).set({
      kept_tokens_sealed: sealTokens(this.box, kept.tokens),
      error_code: kept.errorCode,
      error_message: kept.errorMessage,
      completion_hash: kept.completionHash,
    });
    return changed(await keep.executeTakeFirst()) === 1;
  }

  async redeemLogin(id: string, session: SessionRecord): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable("logins")
        .set({ status: "redeemed" })
        .where("id", "=", id)
        .where("status", "=", "completed")
        .executeTakeFirst();
      if (changed(claimed) !== 1) return false;
      await trx.insertInto("sessions").values(sessionRow(session)).execute();
      return true;
    });
  }

  async deleteExpiredLogins(now: number): Promise<number> {
    return changed(await this.db.deleteFrom("logins").where("expires_at", "<", now).executeTakeFirst());
  }

  async getSessionByTokenHash(tokenHash: string): Promise<SessionRecord | null> {
    const row = await this.db
      .selectFrom("sessions")
      .selectAll()
      .where("token_hash", "=", tokenHash)
      .executeTakeFirst();
    return row ? sessionFromRow(row) : null;
  }

  async getSessionWithChain(
    tokenHash: string,
  ): Promise<{ session: SessionRecord; chainLive: boolean } | null> {
    const [row] = await this.sessionWithChain(tokenHash);
    return row ? { session: sessionFromRow(row), chainLive: row.chain_status === "live" } : null;
  }

  async touchSession(id: string, now: number): Promise<void> {
    await this.db.updateTable("sessions").set({ last_used_at: now }).where("id", "=", id).execute();
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id", "=", id).execute();
  }

  async deleteSessionsOfChain(chainId: string): Promise<number> {
    return changed(await this.db.deleteFrom("sessions").where("chain_id", "=", chainId).executeTakeFirst());
  }

  async upsertChain(chain: NewChain, now: number): Promise<ChainRecord> {
    const row = await this.db
      .insertInto("chains")
      .values({
        id: randomId(),
        user_id: chain.userId,
        client_id: chain.clientId,
        country: chain.country,
        client_secret_sealed: this.box.seal(chain.clientSecret),
        access_token_sealed: this.box.seal(chain.accessToken),
        access_issued_at: chain.accessIssuedAt,
        access_expires_at: chain.accessExpiresAt,
        refresh_token_sealed: this.box.seal(chain.refreshToken),
        status: "live",
        version: 1,
        updated_at: now,
      })
      .onConflict((conflict) =>
        conflict.columns(["user_id", "client_id", "country"]).doUpdateSet((eb) => ({
          client_secret_sealed: eb.ref("excluded.client_secret_sealed"),
          access_token_sealed: eb.ref("excluded.access_token_sealed"),
          access_issued_at: eb.ref("excluded.access_issued_at"),
          access_expires_at: eb.ref("excluded.access_expires_at"),
          refresh_token_sealed: eb.ref("excluded.refresh_token_sealed"),
          status: "live",
          version: eb("chains.version", "+", 1),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return chainFromRow(row, this.box);
  }

  async getChain(id: string): Promise<ChainRecord | null> {
    const row = await this.db.selectFrom("chains").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? chainFromRow(row, this.box) : null;
  }

  async isChainLive(id: string): Promise<boolean> {
    const row = await this.db.selectFrom("chains").select("status").where("id", "=", id).executeTakeFirst();
    return row?.status === "live";
  }

  async rotateChain(id: string, expectedVersion: number, tokens: ChainTokens, now: number): Promise<boolean> {
    const rotation = await this.db
      .updateTable("chains")
      .set((eb) => ({
        access_token_sealed: this.box.seal(tokens.accessToken),
        access_issued_at: tokens.accessIssuedAt,
        access_expires_at: tokens.accessExpiresAt,
        refresh_token_sealed: this.box.seal(tokens.refreshToken),
        version: eb("version", "+", 1),
        updated_at: now,
      }))
      .where("id", "=", id)
      .where("version", "=", expectedVersion)
      .where("status", "=", "live")
      .executeTakeFirst();
    return changed(rotation) === 1;
  }

  async markChainDead(id: string, expectedVersion: number, now: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const killed = await trx
        .updateTable("chains")
        .set({ status: "dead", updated_at: now })
        .where("id", "=", id)
        .where("version", "=", expectedVersion)
        .executeTakeFirst();
      if (changed(killed) !== 1) return false;
      await trx.deleteFrom("sessions").where("chain_id", "=", id).execute();
      return true;
    });
  }

  async purge(cutoffs: PurgeCutoffs): Promise<PurgeCounts> {
    return this.db.transaction().execute(async (trx) => {
      const logins = await trx.deleteFrom("logins").where("expires_at", "<", cutoffs.now).executeTakeFirst();
      const deadChains = trx.selectFrom("chains").select("id").where("status", "=", "dead");
      const sessions = await trx
        .deleteFrom("sessions")
        .where((eb) =>
          eb.or([
            eb("last_used_at", "<", cutoffs.sessionIdleBefore),
            eb("created_at", "<", cutoffs.sessionCreatedBefore),
            eb("chain_id", "in", deadChains),
          ]),
        )
        .executeTakeFirst();
      // Logins pointing at a dead chain go with it (ON DELETE CASCADE).
      const chains = await trx.deleteFrom("chains").where("status", "=", "dead").executeTakeFirst();
      return { logins: changed(logins), sessions: changed(sessions), chains: changed(chains) };
    });
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

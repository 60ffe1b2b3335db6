/**
 * Access-review snapshots and signed-off reviews, written once over Kysely for SQLite and PostgreSQL.
 * Reviews are append-only: this module has no UPDATE or DELETE of the reviews table, and no route
 * offers one. Two sign-offs of one licence at once cannot both take the same place in its chain (the
 * unique licence + sequence): the one that loses re-reads the chain's end and appends after it.
 */
import type { Kysely, Selectable } from "kysely";
import type { ReviewsTable, StoreTables } from "./tables";
import type { ReviewStore, StoredReview, StoredSnapshot } from "./types";

type Db = Kysely<StoreTables>;

const APPEND_ATTEMPTS = 5;

function reviewFromRow(row: Selectable<ReviewsTable>): StoredReview {
  return {
    id: row.id,
    licence: row.licence,
    sequence: Number(row.sequence),
    scopeKey: row.scope_key,
    snapshotId: row.snapshot_id,
    reviewerId: row.reviewer_id,
    signedAt: Number(row.signed_at),
    evidenceJson: row.evidence_json,
    previousHash: row.previous_hash,
    hash: row.hash,
    summaryJson: row.summary_json,
  };
}

/** A unique-constraint violation on either dialect (SQLite's driver or PostgreSQL's SQLSTATE 23505). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

export class KyselyReviewStore implements ReviewStore {
  constructor(private readonly db: Db) {}

  async saveSnapshot(snapshot: StoredSnapshot, now: number): Promise<void> {
    await this.db.deleteFrom("review_snapshots").where("expires_at", "<", now).execute();
    await this.db
      .insertInto("review_snapshots")
      .values({
        id: snapshot.id,
        user_id: snapshot.userId,
        licence: snapshot.licence,
        scope_key: snapshot.scopeKey,
        served_at: snapshot.servedAt,
        expires_at: snapshot.expiresAt,
        content_json: snapshot.content,
      })
      .execute();
  }

  async getSnapshot(id: string): Promise<StoredSnapshot | null> {
    const row = await this.db
      .selectFrom("review_snapshots")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      userId: row.user_id,
      licence: row.licence,
      scopeKey: row.scope_key,
      servedAt: Number(row.served_at),
      expiresAt: Number(row.expires_at),
      content: row.content_json,
    };
  }

  async appendReview(
    licence: string,
    snapshotId: string,
    build: (last: StoredReview | null) => StoredReview,
  ): Promise<StoredReview | "signed"> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.transaction().execute(async (trx) => {
          const signed = await trx
            .selectFrom("reviews")
            .select("id")
            .where("snapshot_id", "=", snapshotId)
            .executeTakeFirst();
          if (signed) return "signed" as const;
          const last = await trx
            .selectFrom("reviews")
            .selectAll()
            .where("licence", "=", licence)
            .orderBy("sequence", "desc")
            .limit(1)
            .executeTakeFirst();
          const review = build(last ? reviewFromRow(last) : null);
          await trx
            .insertInto("reviews")
            .values({
              id: review.id,
              licence: review.licence,
              sequence: review.sequence,
              scope_key: review.scopeKey,
              snapshot_id: review.snapshotId,
              reviewer_id: review.reviewerId,
              signed_at: review.signedAt,
              evidence_json: review.evidenceJson,
              previous_hash: review.previousHash,
              hash: review.hash,
              summary_json: review.summaryJson,
            })
            .execute();
          return review;
        });
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= APPEND_ATTEMPTS) throw error;
      }
    }
  }

  async getReview(id: string): Promise<StoredReview | null> {
    const row = await this.db.selectFrom("reviews").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? reviewFromRow(row) : null;
  }

  async listReviews(licence: string): Promise<StoredReview[]> {
    const rows = await this.db
      .selectFrom("reviews")
      .select([
        "id",
        "licence",
        "sequence",
        "scope_key",
        "snapshot_id",
        "reviewer_id",
        "signed_at",
        "previous_hash",
        "hash",
        "summary_json",
      ])
      .where("licence", "=", licence)
      .orderBy("sequence", "desc")
      .execute();
    return rows.map((row) => reviewFromRow({ ...row, evidence_json: "" }));
  }

  async chainUpTo(licence: string, sequence?: number): Promise<StoredReview[]> {
    let chain = this.db.selectFrom("reviews").selectAll().where("licence", "=", licence);
    if (sequence !== undefined) chain = chain.where("sequence", "<=", sequence);
    const rows = await chain.orderBy("sequence", "asc").execute();
    return rows.map(reviewFromRow);
  }

  async lastReviewOfScope(licence: string, scopeKey: string): Promise<StoredReview | null> {
    const row = await this.db
      .selectFrom("reviews")
      .selectAll()
      .where("licence", "=", licence)
      .where("scope_key", "=", scopeKey)
      .orderBy("sequence", "desc")
      .limit(1)
      .executeTakeFirst();
    return row ? reviewFromRow(row) : null;
  }
}

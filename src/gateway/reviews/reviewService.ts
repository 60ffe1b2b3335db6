/**
 * Access reviews as evidence: every access-review answer is kept under a snapshot id (24 hours, for the
 * user it was served to); sign-off records that snapshot, the reviewer from the session, the gateway's
 * time and the decisions, hashed and chained to the licence's previous review. No Exact call is made
 * at sign-off, and nothing here changes a review once written.
 */
import type { AccessReviewResponse, TableResponse } from "../../shared/api/tables";
import type {
  ReviewDecision,
  ReviewList,
  ReviewRecord,
  ReviewSummary,
  ReviewVerification,
  SignOffRequest,
} from "../../shared/api/reviews";
import type { Clock } from "../../shared/clock";
import type { SessionContext } from "../contracts";
import { randomId } from "../crypto/random";
import type { DataService } from "../data/dataService";
import { GatewayError } from "../errors";
import type { ReviewStore, StoredReview, StoredSnapshot } from "../store/types";
import {
  brokenLink,
  EVIDENCE_FORMAT,
  sealEvidence,
  sha256Hex,
  canonicalJson,
  type Evidence,
} from "./evidence";
import { licenceOf } from "./licence";
import { REVIEW_LOG_COLUMNS, reviewLog } from "./reviewLog";
import { sinceLastSignOff, SINCE_LAST_SIGN_OFF_COLUMNS, type ServedTables } from "./sinceLastSignOff";

export const SNAPSHOT_LIFETIME_MS = 24 * 3_600_000;

/** An access-review answer before it gets its snapshot id and what changed since the last sign-off. */
export type ServedReview = Omit<
  AccessReviewResponse,
  "snapshotId" | "snapshotExpiresAt" | "lastSignOff" | "sinceLastSignOff"
>;

type Summary = Omit<ReviewSummary, "id" | "sequence" | "signedAt" | "hash" | "previousHash">;

const iso = (time: number) => new Date(time).toISOString();

const notFound = () => new GatewayError(404, "not_found", "No review with this id for your licence.");

export class ReviewService {
  constructor(
    private readonly store: ReviewStore,
    private readonly data: DataService,
    private readonly clock: Clock,
  ) {}

  /** Keeps what is served under a new snapshot id and adds what changed since the scope's last sign-off. */
  async serve(session: SessionContext, served: ServedReview): Promise<AccessReviewResponse> {
    const now = this.clock.now();
    const licence = await licenceOf(this.data, session);
    const scopeKey = sha256Hex(canonicalJson({ divisions: served.divisions, roles: served.roles }));
    const last = await this.store.lastReviewOfScope(licence, scopeKey);
    const lastEvidence = last ? (JSON.parse(last.evidenceJson) as Evidence) : null;
    const answer: Omit<AccessReviewResponse, "snapshotId" | "snapshotExpiresAt"> = {
      ...served,
      lastSignOff: lastEvidence && {
        id: lastEvidence.id,
        signedAt: lastEvidence.signedAt,
        reviewer: lastEvidence.reviewer.fullName,
        hash: last!.hash,
      },
      sinceLastSignOff: lastEvidence
        ? sinceLastSignOff(lastEvidence, served as unknown as ServedTables)
        : { columns: SINCE_LAST_SIGN_OFF_COLUMNS, rows: [] },
    };
    const snapshot: StoredSnapshot = {
      id: randomId(),
      userId: session.userId,
      licence,
      scopeKey,
      servedAt: now,
      expiresAt: now + SNAPSHOT_LIFETIME_MS,
      content: JSON.stringify(answer),
    };
    await this.store.saveSnapshot(snapshot, now);
    return { ...answer, snapshotId: snapshot.id, snapshotExpiresAt: iso(snapshot.expiresAt) };
  }

  /** Records a sign-off of a snapshot served to this caller; refuses anything else with a clear error. */
  async signOff(session: SessionContext, request: SignOffRequest): Promise<ReviewRecord> {
    const now = this.clock.now();
    const snapshot = await this.store.getSnapshot(request.snapshotId);
    if (!snapshot) {
      throw new GatewayError(
        404,
        "snapshot_not_found",
        "No access review was served under this snapshot id (or it expired and was forgotten): run the review again.",
      );
    }
    if (snapshot.userId !== session.userId) {
      throw new GatewayError(
        403,
        "snapshot_not_yours",
        "This snapshot was served to another Exact user: only the reviewer it was served to can sign it off.",
      );
    }
    if (snapshot.expiresAt < now) {
      throw new GatewayError(
        410,
        "snapshot_expired",
        `This snapshot was served on ${iso(snapshot.servedAt)} and could be signed off for 24 hours: run the review again.`,
      );
    }
    const answer = JSON.parse(snapshot.content) as Record<string, unknown>;
    const decisions = checkedDecisions(request.decisions, answer);
    const reviewer = {
      userId: session.userId,
      fullName: session.fullName ?? session.userName,
      userName: session.userName,
    };
    const appended = await this.store.appendReview(snapshot.licence, snapshot.id, (last) => {
      const evidence: Evidence = {
        format: EVIDENCE_FORMAT,
        id: randomId(),
        licence: snapshot.licence,
        sequence: (last?.sequence ?? 0) + 1,
        reviewer,
        signedAt: iso(now),
        snapshot: { id: snapshot.id, servedAt: iso(snapshot.servedAt), answer },
        decisions,
        previousHash: last?.hash ?? null,
      };
      const { evidenceJson, hash } = sealEvidence(evidence);
      return {
        id: evidence.id,
        licence: evidence.licence,
        sequence: evidence.sequence,
        scopeKey: snapshot.scopeKey,
        snapshotId: snapshot.id,
        reviewerId: reviewer.userId,
        signedAt: now,
        evidenceJson,
        previousHash: evidence.previousHash,
        hash,
        summaryJson: JSON.stringify(summaryOf(evidence)),
      };
    });
    if (appended === "signed") {
      throw new GatewayError(
        409,
        "snapshot_signed_off",
        "This snapshot was signed off already: run the review again for a new sign-off.",
      );
    }
    return recordOf(appended);
  }

  async list(session: SessionContext): Promise<ReviewList> {
    const licence = await licenceOf(this.data, session);
    const reviews = await this.store.listReviews(licence);
    return { licence, reviews: reviews.map(summaryRecord) };
  }

  /** The licence's reviews as a table, each with whether its chain is intact (=EOL.REVIEWS). */
  async logTable(session: SessionContext): Promise<TableResponse> {
    const licence = await licenceOf(this.data, session);
    const chain = await this.store.chainUpTo(licence);
    return {
      columns: REVIEW_LOG_COLUMNS,
      rows: reviewLog(chain),
      asOf: iso(this.clock.now()),
      divisions: [],
      divisionSource: "none",
      cached: false,
    };
  }

  async get(session: SessionContext, id: string): Promise<ReviewRecord> {
    return recordOf(await this.ownReview(session, id));
  }

  /** Re-hashes the licence's chain from its first review up to this one. */
  async verify(session: SessionContext, id: string): Promise<ReviewVerification> {
    const review = await this.ownReview(session, id);
    const chain = await this.store.chainUpTo(review.licence, review.sequence);
    let previous: StoredReview | null = null;
    for (const [index, link] of chain.entries()) {
      const reason = brokenLink(link, previous);
      if (reason) {
        return {
          id,
          intact: false,
          checked: index + 1,
          brokenAt: { id: link.id, sequence: link.sequence, reason },
        };
      }
      previous = link;
    }
    if (previous?.id !== id) {
      return {
        id,
        intact: false,
        checked: chain.length,
        brokenAt: { id, sequence: review.sequence, reason: "the chain up to it is incomplete" },
      };
    }
    return { id, intact: true, checked: chain.length, brokenAt: null };
  }

  /** A review of the caller's licence (another licence's is reported as not found). */
  private async ownReview(session: SessionContext, id: string): Promise<StoredReview> {
    const review = await this.store.getReview(id);
    if (!review || review.licence !== (await licenceOf(this.data, session))) throw notFound();
    return review;
  }
}

/** Decisions with their comments (null when none); each must name a row of the snapshot's table. */
function checkedDecisions(
  decisions: ReviewDecision[],
  answer: Record<string, unknown>,
): Evidence["decisions"] {
  const seen = new Set<string>();
  return decisions.map((decision, index) => {
    const table = answer[decision.table] as { rows?: unknown[] } | undefined;
    const count = table?.rows?.length ?? 0;
    const where = `decisions[${index}]`;
    if (decision.row > count) {
      throw new GatewayError(
        400,
        "invalid_request",
        `${where} names ${decision.table} row ${decision.row}, but the snapshot's ${decision.table} table has ${count} row${count === 1 ? "" : "s"}.`,
      );
    }
    const key = `${decision.table}:${decision.row}`;
    if (seen.has(key)) {
      throw new GatewayError(
        400,
        "invalid_request",
        `${where} decides ${decision.table} row ${decision.row} a second time.`,
      );
    }
    seen.add(key);
    return { ...decision, comment: decision.comment?.trim() || null };
  });
}

function summaryOf(evidence: Evidence): Summary {
  const answer = evidence.snapshot.answer as ServedReview;
  return {
    reviewer: evidence.reviewer,
    divisions: answer.divisions,
    roles: answer.roles,
    asOf: answer.asOf,
    holders: answer.holders.rows.length,
    findings: answer.findings.rows.length,
    decisions: evidence.decisions.length,
    removals: evidence.decisions.filter((decision) => decision.decision === "Remove").length,
  };
}

function summaryRecord(review: StoredReview): ReviewSummary {
  return {
    id: review.id,
    sequence: review.sequence,
    signedAt: iso(review.signedAt),
    hash: review.hash,
    previousHash: review.previousHash,
    ...(JSON.parse(review.summaryJson) as Summary),
  };
}

function recordOf(review: StoredReview): ReviewRecord {
  return { ...summaryRecord(review), licence: review.licence, evidence: JSON.parse(review.evidenceJson) };
}

/**
 * The sign-off of an access review and its evidence (/api/v1/reviews). A review records what the gateway
 * served under a snapshot id, never what the workbook holds; see docs/access-review.md (sign-off and evidence) for the
 * canonical form its hash covers.
 */
import { Type, type Static } from "@sinclair/typebox";
import { oneOf, nullable } from "./schemaParts";
import { DECIDABLE_TABLES, DECISIONS, MAX_COMMENT_LENGTH, MAX_DECISIONS } from "../rules/reviewDecisions";

/** One decision on one row of the served snapshot: `row` counts from 1 in the order served. */
export const ReviewDecision = Type.Object(
  {
    table: oneOf(DECIDABLE_TABLES),
    row: Type.Integer({
      minimum: 1,
      description: "must be a row number (1 or more) of the snapshot's table",
    }),
    decision: oneOf(DECISIONS),
    comment: Type.Optional(
      Type.String({
        maxLength: MAX_COMMENT_LENGTH,
        description: `must be text of at most ${MAX_COMMENT_LENGTH} characters`,
      }),
    ),
  },
  { additionalProperties: false },
);
export type ReviewDecision = Static<typeof ReviewDecision>;

/** POST /api/v1/reviews. */
export const SignOffRequest = Type.Object(
  {
    snapshotId: Type.String({
      minLength: 1,
      maxLength: 64,
      description: "must be the snapshotId of an access review",
    }),
    decisions: Type.Array(ReviewDecision, { maxItems: MAX_DECISIONS }),
  },
  { additionalProperties: false },
);
export type SignOffRequest = Static<typeof SignOffRequest>;

const Reviewer = Type.Object({ userId: Type.String(), fullName: Type.String(), userName: Type.String() });
export type Reviewer = Static<typeof Reviewer>;

/** A review as listed: who, when, what scope, how many rows and decisions, and its hash. */
export const ReviewSummary = Type.Object({
  id: Type.String(),
  /** Position in its licence's chain, from 1. */
  sequence: Type.Integer(),
  signedAt: Type.String(),
  reviewer: Reviewer,
  divisions: Type.Array(Type.Number()),
  roles: Type.Array(Type.Number()),
  /** When the reviewed data was read from Exact (ISO). */
  asOf: Type.String(),
  holders: Type.Integer(),
  findings: Type.Integer(),
  decisions: Type.Integer(),
  removals: Type.Integer(),
  hash: Type.String(),
  previousHash: nullable(Type.String()),
});
export type ReviewSummary = Static<typeof ReviewSummary>;

/** GET /api/v1/reviews: the caller's licence's reviews, newest first. */
export const ReviewList = Type.Object({ licence: Type.String(), reviews: Type.Array(ReviewSummary) });
export type ReviewList = Static<typeof ReviewList>;

/**
 * GET /api/v1/reviews/:id (and the 201 of POST): the summary plus `evidence`, the object whose canonical
 * JSON (RFC 8785) has the SHA-256 `hash`.
 */
export const ReviewRecord = Type.Composite([
  ReviewSummary,
  Type.Object({ licence: Type.String(), evidence: Type.Unknown() }),
]);
export type ReviewRecord = Static<typeof ReviewRecord>;

/** GET /api/v1/reviews/:id/verify. */
export const ReviewVerification = Type.Object({
  id: Type.String(),
  intact: Type.Boolean(),
  /** Reviews of the chain re-hashed, from the first up to this one. */
  checked: Type.Integer(),
  /** The first review whose record no longer matches (null when intact). */
  brokenAt: nullable(Type.Object({ id: Type.String(), sequence: Type.Integer(), reason: Type.String() })),
});
export type ReviewVerification = Static<typeof ReviewVerification>;

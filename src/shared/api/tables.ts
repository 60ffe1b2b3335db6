/** The data routes' answers (/api/v1): tables ready to spill, and the access review's four tables. */
import { Type, type Static } from "@sinclair/typebox";
import { nullable, oneOf } from "./schemaParts";

/** One cell: one JSON type list instead of anyOf, so the serializer checks it in one step. */
export const CellValue = Type.Unsafe<string | number | boolean | null>({
  type: ["string", "number", "boolean", "null"],
});
export type CellValue = Static<typeof CellValue>;

export const ColumnType = oneOf(["string", "number", "boolean", "date", "guid"] as const);
export type ColumnType = Static<typeof ColumnType>;

export const Column = Type.Object({
  /** Stable, documented header text (e.g. "Division", "User name"). */
  name: Type.String(),
  type: ColumnType,
});
export type Column = Static<typeof Column>;

/** The columns and rows of one table. */
const TableBody = Type.Object({
  columns: Type.Array(Column),
  rows: Type.Array(Type.Array(CellValue)),
});

/** Where a table comes from: when, which divisions, and whether from the cache. */
const Provenance = Type.Object({
  /** When the data was fetched from Exact (ISO), older than now when served from cache. */
  asOf: Type.String(),
  /** Divisions the result covers; `divisionSource` says how they were chosen. */
  divisions: Type.Array(Type.Number()),
  divisionSource: oneOf(["explicit", "current", "all", "none"] as const),
  cached: Type.Boolean(),
});

/** A table ready to spill: dates are ISO-8601 strings, missing values null. */
export const TableResponse = Type.Composite([TableBody, Provenance]);
export type TableResponse = Static<typeof TableResponse>;

/** The tables of an access review, from one set of role rows. */
export const ReviewTables = Type.Object({
  holders: TableBody,
  findings: TableBody,
  changes: TableBody,
  catalogue: TableBody,
  /** Users holding both roles of a separation rule (empty without rules). */
  conflicts: TableBody,
});
export type ReviewTables = Static<typeof ReviewTables>;

/**
 * What makes a review answer sign-off-able: the id under which the gateway keeps what it served, and
 * what changed since the last sign-off of the same scope (reviews.ts, docs/access-review.md (sign-off and evidence)).
 */
const ReviewEvidence = Type.Object({
  snapshotId: Type.String(),
  /** Until when the snapshot can be signed off (ISO). */
  snapshotExpiresAt: Type.String(),
  /** The last signed-off review of the same licence and scope, or null. */
  lastSignOff: nullable(
    Type.Object({ id: Type.String(), signedAt: Type.String(), reviewer: Type.String(), hash: Type.String() }),
  ),
  /** Holders added and gone, findings new and resolved, and Remove decisions not carried out. */
  sinceLastSignOff: TableBody,
});

/** GET /api/v1/access-review. */
export const AccessReviewResponse = Type.Composite([
  ReviewTables,
  Provenance,
  Type.Object({
    /** First day of the changes table (YYYY-MM-DD). */
    since: Type.String(),
    /** Roles whose holders are listed. */
    roles: Type.Array(Type.Number()),
    inactiveDays: Type.Number(),
  }),
  ReviewEvidence,
]);
export type AccessReviewResponse = Static<typeof AccessReviewResponse>;

/**
 * The licence's signed-off reviews as a table (=EOL.REVIEWS): one row per review, newest first, with
 * whether the hash chain up to it is intact. The chain is re-hashed once from its first review; every
 * review after a broken one is reported broken too (its chain includes the break).
 */
import type { CellValue, Column } from "../../shared/api/tables";
import type { StoredReview } from "../store/types";
import { brokenLink } from "./evidence";

export const REVIEW_LOG_COLUMNS: Column[] = [
  { name: "Review", type: "string" },
  { name: "Signed off at", type: "date" },
  { name: "Reviewer", type: "string" },
  { name: "Divisions", type: "string" },
  { name: "Roles", type: "string" },
  { name: "Data as of", type: "date" },
  { name: "Holders", type: "number" },
  { name: "Findings", type: "number" },
  { name: "Decisions", type: "number" },
  { name: "Removals", type: "number" },
  { name: "Hash", type: "string" },
  { name: "Verified", type: "string" },
];

interface Counts {
  reviewer: { fullName: string };
  divisions: number[];
  roles: number[];
  asOf: string;
  holders: number;
  findings: number;
  decisions: number;
  removals: number;
}

/** `chain`: the licence's reviews from the first, in order. */
export function reviewLog(chain: readonly StoredReview[]): CellValue[][] {
  const rows: CellValue[][] = [];
  let previous: StoredReview | null = null;
  let broken: string | null = null;
  for (const review of chain) {
    const reason: string | null = broken ? null : brokenLink(review, previous);
    if (reason) broken = `Broken at review ${review.sequence}: ${reason}`;
    const counts = JSON.parse(review.summaryJson) as Counts;
    rows.push([
      review.id,
      new Date(review.signedAt).toISOString(),
      counts.reviewer.fullName,
      counts.divisions.join(", "),
      counts.roles.join(", "),
      counts.asOf,
      counts.holders,
      counts.findings,
      counts.decisions,
      counts.removals,
      review.hash,
      broken ?? "Intact",
    ]);
    previous = review;
  }
  return rows.reverse();
}

/**
 * The Access review sheet: a heading (scope, data as of, reviewer, changes since) and four Excel
 * tables from one gateway answer, written by writeReportSheet (so text stays text, in chunks).
 */
import type { AccessReviewResponse } from "../../shared/api";
import { formatAsOf, writeReportSheet, type ReportSheetSpec, type WrittenReport } from "./writeTableSheet";
import type { ReviewStart } from "./reviewDate";

export const ACCESS_REVIEW_SHEET = "Access review";

function scopeLine(review: AccessReviewResponse): string {
  const count = review.divisions.length;
  const divisions = count === 1 ? `division ${review.divisions[0]}` : `${count} divisions`;
  const how =
    review.divisionSource === "all"
      ? "all accessible divisions"
      : review.divisionSource === "current"
        ? "your current division in Exact"
        : "chosen divisions";
  return `Scope: ${how} (${divisions})`;
}

/** The sheet's contents; `start` says whether the changes run from the previous review or 90 days back. */
export function accessReviewSpec(
  review: AccessReviewResponse,
  reviewer: string,
  start: ReviewStart,
  existingNames: readonly string[],
): ReportSheetSpec {
  const since = start.remembered
    ? `Changes since the previous review of this workbook: ${review.since}`
    : `Changes since ${review.since} (first review of this workbook: the last 90 days)`;
  return {
    baseName: ACCESS_REVIEW_SHEET,
    heading: [
      "Access review",
      scopeLine(review),
      `Data as of ${formatAsOf(review.asOf)}`,
      `Reviewer: ${reviewer}`,
      since,
    ],
    sections: [
      {
        title: `Holders of role${review.roles.length === 1 ? "" : "s"} ${review.roles.join(", ")}`,
        ...review.holders,
      },
      {
        title: `Findings (no login for ${review.inactiveDays} days or more, or login ended)`,
        ...review.findings,
      },
      { title: `Changes since ${review.since}`, ...review.changes },
      { title: "Role catalogue (descriptions as in Exact's data)", ...review.catalogue },
    ],
    existingNames,
  };
}

export function writeAccessReviewSheet(
  context: Excel.RequestContext,
  review: AccessReviewResponse,
  reviewer: string,
  start: ReviewStart,
  existingNames: readonly string[],
): Promise<WrittenReport> {
  return writeReportSheet(context, accessReviewSpec(review, reviewer, start, existingNames));
}

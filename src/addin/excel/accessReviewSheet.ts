/**
 * The Access review sheet: a heading (scope, data as of, reviewer, changes since) and the Excel tables
 * of one gateway answer — holders, findings, changes, role catalogue, then the editable separation
 * rules and the conflicts they gave — written by writeReportSheet (so text stays text, in chunks), in
 * the add-in's language (the column names are the gateway's).
 */
import type { AccessReviewResponse } from "../../shared/api";
import { formatAsOf, writeReportSheet, type ReportSheetSpec, type WrittenReport } from "./writeTableSheet";
import { FIRST_REVIEW_DAYS, type ReviewStart } from "./reviewDate";
import { addinStrings, type Strings } from "../i18n";
import type { WorkbookContext } from "../office/workbook";
import type { SodRule } from "../../shared/rules/sodRules";
import { separationRulesSection, separationRulesTableName } from "./separationRules";
import { uniqueSheetName } from "./sheetNames";

function scopeLine(review: AccessReviewResponse, sheets: Strings["sheets"]): string {
  const count = review.divisions.length;
  const divisions = count === 1 ? sheets.oneDivision(review.divisions[0]) : sheets.divisionCount(count);
  const how =
    review.divisionSource === "all"
      ? sheets.scopeAll
      : review.divisionSource === "current"
        ? sheets.scopeCurrent
        : sheets.scopeChosen;
  return sheets.scope(how, divisions);
}

/** The sheet's contents; `start` says whether the changes run from the previous review or 90 days back. */
export function accessReviewSpec(
  review: AccessReviewResponse,
  reviewer: string,
  start: ReviewStart,
  existingNames: readonly string[],
  strings: Strings = addinStrings(),
  rules: readonly SodRule[] = [],
): ReportSheetSpec {
  const sheets = strings.sheets;
  const rulesTable = separationRulesTableName(uniqueSheetName(sheets.accessReview, existingNames));
  const since = start.remembered
    ? sheets.changesSincePrevious(review.since)
    : sheets.changesSinceFirst(review.since, FIRST_REVIEW_DAYS);
  return {
    baseName: sheets.accessReview,
    heading: [
      sheets.accessReview,
      scopeLine(review, sheets),
      sheets.dataAsOf(formatAsOf(review.asOf)),
      sheets.reviewer(reviewer),
      since,
    ],
    sections: [
      { title: sheets.holders(review.roles), ...review.holders },
      { title: sheets.findings(review.inactiveDays), ...review.findings },
      { title: sheets.changesSince(review.since), ...review.changes },
      { title: sheets.catalogue, ...review.catalogue },
      separationRulesSection(rules, rulesTable, sheets),
      { title: sheets.conflicts(rules.length), ...review.conflicts },
    ],
    existingNames,
  };
}

export function writeAccessReviewSheet(
  context: WorkbookContext,
  review: AccessReviewResponse,
  reviewer: string,
  start: ReviewStart,
  existingNames: readonly string[],
  strings: Strings = addinStrings(),
  rules: readonly SodRule[] = [],
): Promise<WrittenReport> {
  return writeReportSheet(context, accessReviewSpec(review, reviewer, start, existingNames, strings, rules));
}

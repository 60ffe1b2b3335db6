/**
 * The Access review sheet: a heading (scope, data as of, reviewer, changes since, sign-off status) and
 * the Excel tables of one gateway answer — what changed since the last sign-off (when there was one),
 * holders, findings, changes, role catalogue, then the editable separation rules and the conflicts they
 * gave — written by writeReportSheet (so text stays text, in chunks), in the add-in's language (the
 * column names are the gateway's). Holders, findings and conflicts get Decision and Comment columns
 * (reviewDecisions.ts) for the sign-off.
 */
import type { AccessReviewResponse } from "../../shared/api";
import type { DecidableTable } from "../../shared/rules/reviewDecisions";
import { formatAsOf, writeReportSheet, type ReportSheetSpec, type WrittenReport } from "./writeTableSheet";
import { FIRST_REVIEW_DAYS, type ReviewStart } from "./reviewDate";
import { addDecisionList, decidableSection, type ReviewSheetRecord } from "./reviewDecisions";
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

/** The heading line that tells whether (and by whom) the review was signed off. */
export const STATUS_ROW = 5;

export interface AccessReviewSpec extends ReportSheetSpec {
  /** Which section holds each decidable table. */
  decidable: Partial<Record<DecidableTable, number>>;
}

/** The sheet's contents; `start` says whether the changes run from the previous review or 90 days back. */
export function accessReviewSpec(
  review: AccessReviewResponse,
  reviewer: string,
  start: ReviewStart,
  existingNames: readonly string[],
  strings: Strings = addinStrings(),
  rules: readonly SodRule[] = [],
): AccessReviewSpec {
  const sheets = strings.sheets;
  const rulesTable = separationRulesTableName(uniqueSheetName(sheets.accessReview, existingNames));
  const since = start.remembered
    ? sheets.changesSincePrevious(review.since)
    : sheets.changesSinceFirst(review.since, FIRST_REVIEW_DAYS);
  const last = review.lastSignOff;
  const sinceLast = last
    ? [
        {
          title: sheets.sinceLastSignOff(formatAsOf(last.signedAt), last.reviewer),
          ...review.sinceLastSignOff,
        },
      ]
    : [];
  return {
    baseName: sheets.accessReview,
    heading: [
      sheets.accessReview,
      scopeLine(review, sheets),
      sheets.dataAsOf(formatAsOf(review.asOf)),
      sheets.reviewer(reviewer),
      since,
      sheets.notSignedOff(formatAsOf(review.snapshotExpiresAt)),
    ],
    sections: [
      ...sinceLast,
      decidableSection(sheets.holders(review.roles), review.holders),
      decidableSection(sheets.findings(review.inactiveDays), review.findings),
      { title: sheets.changesSince(review.since), ...review.changes },
      { title: sheets.catalogue, ...review.catalogue },
      separationRulesSection(rules, rulesTable, sheets),
      decidableSection(sheets.conflicts(rules.length), review.conflicts),
    ],
    // Sections before the conflicts: since-last (if any), holders, findings, changes, catalogue, rules.
    decidable: { holders: sinceLast.length, findings: sinceLast.length + 1, conflicts: sinceLast.length + 5 },
    existingNames,
  };
}

/** Writes the sheet with a Keep / Remove / Investigate list on its Decision cells. */
export async function writeAccessReviewSheet(
  context: WorkbookContext,
  review: AccessReviewResponse,
  reviewer: string,
  start: ReviewStart,
  existingNames: readonly string[],
  strings: Strings = addinStrings(),
  rules: readonly SodRule[] = [],
): Promise<WrittenReport & { record: ReviewSheetRecord }> {
  const spec = accessReviewSpec(review, reviewer, start, existingNames, strings, rules);
  const written = await writeReportSheet(context, spec);
  const sheet = context.workbook.worksheets.getItem(written.name);
  const tables: ReviewSheetRecord["tables"] = {};
  for (const [name, index] of Object.entries(spec.decidable) as [DecidableTable, number][]) {
    const { headerRow, rows } = written.tables[index];
    const columns = spec.sections[index].columns.length;
    addDecisionList(sheet, headerRow, columns, rows);
    tables[name] = { headerRow, columns, rows };
  }
  await context.sync();
  const record: ReviewSheetRecord = {
    snapshotId: review.snapshotId,
    snapshotExpiresAt: review.snapshotExpiresAt,
    statusRow: STATUS_ROW,
    tables,
    signedOff: null,
  };
  return { ...written, record };
}

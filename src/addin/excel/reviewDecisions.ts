/**
 * The decisions on an Access review sheet: the holders, findings and conflicts tables get a "#" column
 * (the row's number in the snapshot the gateway kept, so sorting the table changes nothing), a Decision
 * column (a Keep / Remove / Investigate list) and a Comment column. What sign-off needs to find them
 * again — the snapshot id and where each table sits — is kept in the workbook's settings per sheet.
 */
import type { AccessReviewResponse, Column, ReviewDecision, ReviewRecord } from "../../shared/api";
import { DECIDABLE_TABLES, DECISIONS, type DecidableTable } from "../../shared/rules/reviewDecisions";
import { readDocumentSetting, saveDocumentSetting } from "../office/documentSettings";
import type { WorkbookContext, Worksheet } from "../office/workbook";
import type { SheetSection } from "./writeTableSheet";

export const ROW_NUMBER_COLUMN: Column = { name: "#", type: "number" };
export const DECISION_COLUMN: Column = { name: "Decision", type: "string" };
export const COMMENT_COLUMN: Column = { name: "Comment", type: "string" };

/** Where the sheets' snapshots are kept in the workbook: sheet name → ReviewSheetRecord. */
export const REVIEW_SHEETS_SETTING = "eol.accessReviewSheets";

export interface ReviewSheetRecord {
  snapshotId: string;
  snapshotExpiresAt: string;
  /** The heading row that says whether the review is signed off. */
  statusRow: number;
  /** Each decidable table's header row (0-based) and its number of columns and rows. */
  tables: Partial<Record<DecidableTable, { headerRow: number; columns: number; rows: number }>>;
  signedOff: string | null;
}

/** Wraps a table of the review with the row number first and the Decision and Comment columns last. */
export function decidableSection(title: string, table: Pick<SheetSection, "columns" | "rows">): SheetSection {
  return {
    title,
    columns: [ROW_NUMBER_COLUMN, ...table.columns, DECISION_COLUMN, COMMENT_COLUMN],
    rows: table.rows.map((row, index) => [index + 1, ...row, null, null]),
  };
}

/** The decidable tables the answer has (conflicts only once the gateway serves them). */
export function decidableTables(review: AccessReviewResponse): DecidableTable[] {
  return DECIDABLE_TABLES.filter((table) => table in review);
}

/** A Keep / Remove / Investigate list on every Decision cell of a written table. */
export function addDecisionList(sheet: Worksheet, headerRow: number, columns: number, rows: number): void {
  if (rows === 0) return;
  const cells = sheet.getRangeByIndexes(headerRow + 1, columns - 2, rows, 1);
  cells.dataValidation.rule = { list: { inCellDropDown: true, source: DECISIONS.join(",") } };
}

export function readReviewSheets(): Record<string, ReviewSheetRecord> {
  const stored = readDocumentSetting(REVIEW_SHEETS_SETTING);
  return typeof stored === "object" && stored !== null ? (stored as Record<string, ReviewSheetRecord>) : {};
}

export function saveReviewSheet(name: string, record: ReviewSheetRecord): Promise<void> {
  return saveDocumentSetting(REVIEW_SHEETS_SETTING, { ...readReviewSheets(), [name]: record });
}

/** Thrown when a Decision cell holds something else than the list offers: names the cell's row. */
export class DecisionCellError extends Error {}

/**
 * The decisions written in the sheet's tables: one per row with a Decision, by its "#" (its row in the
 * snapshot). `grids` are the tables' data rows as Excel holds them.
 */
export function decisionsOf(
  grids: Partial<Record<DecidableTable, { firstRow: number; values: unknown[][] }>>,
  invalid: (table: DecidableTable, sheetRow: number, value: string) => string,
): ReviewDecision[] {
  const decisions: ReviewDecision[] = [];
  for (const table of DECIDABLE_TABLES) {
    const grid = grids[table];
    if (!grid) continue;
    grid.values.forEach((line, index) => {
      const raw = String(line[line.length - 2] ?? "").trim();
      if (raw === "") return;
      const decision = DECISIONS.find((value) => value.toLowerCase() === raw.toLowerCase());
      const row = Number(line[0]);
      if (!decision || !Number.isInteger(row) || row < 1) {
        throw new DecisionCellError(invalid(table, grid.firstRow + index + 1, raw));
      }
      const comment = String(line[line.length - 1] ?? "").trim();
      decisions.push({ table, row, decision, ...(comment ? { comment } : {}) });
    });
  }
  return decisions;
}

/** The tables' data rows of a review sheet, read in one sync. */
export async function readDecisionGrids(
  context: WorkbookContext,
  sheet: Worksheet,
  record: ReviewSheetRecord,
): Promise<Partial<Record<DecidableTable, { firstRow: number; values: unknown[][] }>>> {
  const ranges = Object.entries(record.tables)
    .filter(([, table]) => table.rows > 0)
    .map(([name, table]) => {
      const range = sheet.getRangeByIndexes(table.headerRow + 1, 0, table.rows, table.columns);
      range.load("values");
      return { name: name as DecidableTable, firstRow: table.headerRow + 1, range };
    });
  await context.sync();
  return Object.fromEntries(
    ranges.map(({ name, firstRow, range }) => [name, { firstRow, values: range.values as unknown[][] }]),
  );
}

/** "Signed off by … at … — evidence …, hash …" (the hash's first 16 hex digits). */
export function signedOffLine(
  review: Pick<ReviewRecord, "reviewer" | "signedAt" | "id" | "hash">,
  words: (reviewer: string, at: string, id: string, hash: string) => string,
): string {
  const at = `${review.signedAt.slice(0, 16).replace("T", " ")} UTC`;
  return words(review.reviewer.fullName || review.reviewer.userName, at, review.id, review.hash.slice(0, 16));
}

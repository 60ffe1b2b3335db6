/**
 * Writes a gateway table as an Excel table on a new, uniquely named sheet, with a "Data as of" line
 * above it. Values go in as data (see tableCells.ts for the formula-injection guard), in chunks of at
 * most 5,000 rows: one numberFormat and one values assignment per chunk, formulas not recalculated
 * while writing, and one sync per chunk to stay under Excel on the web's 5 MB request limit.
 * writeReportSheet puts several tables on one sheet (the access review); writeTableSheet is its
 * one-table case.
 */
import type { TableResponse } from "../../shared/api";
import { cellFormat, cellValue, TEXT_FORMAT, type WritableCell } from "./tableCells";
import { uniqueSheetName } from "./sheetNames";
import { addinStrings, type Strings } from "../i18n";
import type { WorkbookContext, Worksheet } from "../office/workbook";

export const MAX_ROWS_PER_WRITE = 5000;
/** Row (0-based) of the table's header; row 0 holds the "Data as of" line, row 1 stays empty. */
export const TABLE_HEADER_ROW = 2;

export interface TableSheetSpec {
  /** Wanted sheet name, e.g. "Divisions"; made unique against existingNames. */
  baseName: string;
  table: Pick<TableResponse, "columns" | "rows" | "asOf"> &
    Partial<Pick<TableResponse, "divisionSource" | "divisions">>;
  /** Names of the sheets already in the workbook (readSheetNames). */
  existingNames: readonly string[];
  /** The texts of the "Data as of" line; the add-in's language when not given. */
  strings?: Strings;
}

export interface WrittenSheet {
  name: string;
  rows: number;
  /** How many range.values assignments were made (header and "as of" line included). */
  writes: number;
}

/** "2026-11-21 23:30 UTC": unambiguous whatever the user's locale. */
export function formatAsOf(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The sheet's first line; it names the division when the answer was limited to the current one. */
export function asOfLine(table: TableSheetSpec["table"], s: Strings = addinStrings()): string {
  const line = s.sheets.dataAsOf(formatAsOf(table.asOf));
  const only =
    table.divisionSource === "current" && table.divisions?.length === 1 ? table.divisions[0] : null;
  return only === null ? line : `${line} — ${s.sheets.onlyCurrentDivision(only)}`;
}

export function chunkRows<T>(rows: readonly T[], size = MAX_ROWS_PER_WRITE): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}

/** One Excel table of a report sheet, with an optional title line above its header. */
export interface SheetSection {
  title?: string;
  columns: TableResponse["columns"];
  rows: TableResponse["rows"];
  /** The Excel table's name, when something reads the table back (else Excel's default). */
  tableName?: string;
}

export interface ReportSheetSpec {
  baseName: string;
  /** Lines above the first table (e.g. "Data as of …"), written as text. */
  heading: string[];
  sections: SheetSection[];
  existingNames: readonly string[];
}

export interface WrittenReport extends WrittenSheet {
  /** Where each section's table starts (0-based header row) and how many data rows it has. */
  tables: { headerRow: number; rows: number }[];
}

interface Block {
  rowIndex: number;
  values: WritableCell[][];
  formats: string[][];
  /** Data chunks get their own sync; heading, title and header lines travel with the next one. */
  data: boolean;
}

function textBlock(rowIndex: number, line: string[]): Block {
  return { rowIndex, values: [line], formats: [line.map(() => TEXT_FORMAT)], data: false };
}

/** Heading lines, an empty row, then per section: title, header, rows in chunks, an empty row. */
function layout(spec: ReportSheetSpec): { blocks: Block[]; tables: WrittenReport["tables"] } {
  const blocks = spec.heading.map((line, index) => textBlock(index, [line]));
  const tables: WrittenReport["tables"] = [];
  let rowIndex = spec.heading.length + 1;
  for (const { title, columns, rows } of spec.sections) {
    if (title !== undefined) blocks.push(textBlock(rowIndex++, [title]));
    tables.push({ headerRow: rowIndex, rows: rows.length });
    blocks.push(
      textBlock(
        rowIndex++,
        columns.map((column) => column.name),
      ),
    );
    const data = rows.map((row) => columns.map((column, index) => cellValue(row[index] ?? null, column)));
    for (const chunk of chunkRows(data)) {
      const formats = chunk.map((row) => row.map((value, index) => cellFormat(value, columns[index])));
      blocks.push({ rowIndex, values: chunk, formats, data: true });
      rowIndex += chunk.length;
    }
    rowIndex += 1;
  }
  return { blocks, tables };
}

function queueBlock(context: WorkbookContext, sheet: Worksheet, block: Block): void {
  context.workbook.application.suspendApiCalculationUntilNextSync();
  const range = sheet.getRangeByIndexes(block.rowIndex, 0, block.values.length, block.values[0].length);
  // Format first: a text cell must already be "@" when the value arrives, or Excel parses it.
  range.numberFormat = block.formats;
  range.values = block.values;
}

/** One data block per sync, in order; recursion instead of a loop keeps each sync's payload bounded. */
async function writeBlocks(
  context: WorkbookContext,
  sheet: Worksheet,
  blocks: Block[],
  index = 0,
): Promise<void> {
  if (index >= blocks.length) return;
  queueBlock(context, sheet, blocks[index]);
  if (blocks[index].data || index === blocks.length - 1) await context.sync();
  await writeBlocks(context, sheet, blocks, index + 1);
}

/** A new, uniquely named sheet with heading lines and one Excel table per section. */
export async function writeReportSheet(
  context: WorkbookContext,
  spec: ReportSheetSpec,
): Promise<WrittenReport> {
  const name = uniqueSheetName(spec.baseName, spec.existingNames);
  const sheet = context.workbook.worksheets.add(name);
  const { blocks, tables } = layout(spec);
  await writeBlocks(context, sheet, blocks);
  spec.sections.forEach((section, index) => {
    const range = sheet.getRangeByIndexes(
      tables[index].headerRow,
      0,
      section.rows.length + 1,
      section.columns.length,
    );
    const table = sheet.tables.add(range, true);
    if (section.tableName) table.name = section.tableName;
    range.format.autofitColumns();
  });
  sheet.activate();
  await context.sync();
  const rows = tables.reduce((sum, table) => sum + table.rows, 0);
  return { name, rows, writes: blocks.length, tables };
}

/** One gateway table under its "Data as of" line: the header lands on TABLE_HEADER_ROW. */
export async function writeTableSheet(context: WorkbookContext, spec: TableSheetSpec): Promise<WrittenSheet> {
  const { columns, rows } = spec.table;
  const {
    name,
    rows: count,
    writes,
  } = await writeReportSheet(context, {
    baseName: spec.baseName,
    heading: [asOfLine(spec.table, spec.strings)],
    sections: [{ columns, rows }],
    existingNames: spec.existingNames,
  });
  return { name, rows: count, writes };
}

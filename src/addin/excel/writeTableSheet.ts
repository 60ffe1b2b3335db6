/**
 * Writes a gateway table as an Excel table on a new, uniquely named sheet, with a "Data as of" line
 * above it. Values go in as data (see tableCells.ts for the formula-injection guard), in chunks of at
 * most 5,000 rows: one numberFormat and one values assignment per chunk, formulas not recalculated
 * while writing, and one sync per chunk to stay under Excel on the web's 5 MB request limit.
 */
import type { TableResponse } from "../../shared/api";
import { cellFormat, cellValue, TEXT_FORMAT, type WritableCell } from "./tableCells";
import { uniqueSheetName } from "./sheetNames";

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
export function asOfLine(table: TableSheetSpec["table"]): string {
  const line = `Data as of ${formatAsOf(table.asOf)}`;
  const only =
    table.divisionSource === "current" && table.divisions?.length === 1 ? table.divisions[0] : null;
  return only === null
    ? line
    : `${line} — only your current division in Exact (${only}); no division was given`;
}

export function chunkRows<T>(rows: readonly T[], size = MAX_ROWS_PER_WRITE): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}

interface Block {
  rowIndex: number;
  values: WritableCell[][];
  formats: string[][];
}

function blocksFor(spec: TableSheetSpec): Block[] {
  const { columns, rows } = spec.table;
  const data = rows.map((row) => columns.map((column, index) => cellValue(row[index] ?? null, column)));
  const blocks: Block[] = [
    { rowIndex: 0, values: [[asOfLine(spec.table)]], formats: [[TEXT_FORMAT]] },
    {
      rowIndex: TABLE_HEADER_ROW,
      values: [columns.map((column) => column.name)],
      formats: [columns.map(() => TEXT_FORMAT)],
    },
  ];
  let rowIndex = TABLE_HEADER_ROW + 1;
  for (const chunk of chunkRows(data)) {
    blocks.push({
      rowIndex,
      values: chunk,
      formats: chunk.map((row) => row.map((value, index) => cellFormat(value, columns[index]))),
    });
    rowIndex += chunk.length;
  }
  return blocks;
}

function queueBlock(context: Excel.RequestContext, sheet: Excel.Worksheet, block: Block): void {
  context.workbook.application.suspendApiCalculationUntilNextSync();
  const range = sheet.getRangeByIndexes(block.rowIndex, 0, block.values.length, block.values[0].length);
  // Format first: a text cell must already be "@" when the value arrives, or Excel parses it.
  range.numberFormat = block.formats;
  range.values = block.values;
}

/** One block per sync, in order; recursion instead of a loop keeps each sync's payload bounded. */
async function writeBlocks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  blocks: Block[],
  index = 0,
): Promise<void> {
  if (index >= blocks.length) return;
  queueBlock(context, sheet, blocks[index]);
  // The two small blocks ("as of" line, header) travel with the first data chunk.
  if (index >= 2 || index === blocks.length - 1) await context.sync();
  await writeBlocks(context, sheet, blocks, index + 1);
}

export async function writeTableSheet(
  context: Excel.RequestContext,
  spec: TableSheetSpec,
): Promise<WrittenSheet> {
  const name = uniqueSheetName(spec.baseName, spec.existingNames);
  const sheet = context.workbook.worksheets.add(name);
  const blocks = blocksFor(spec);
  await writeBlocks(context, sheet, blocks);
  const width = spec.table.columns.length;
  const rowCount = spec.table.rows.length;
  const tableRange = sheet.getRangeByIndexes(TABLE_HEADER_ROW, 0, rowCount + 1, width);
  sheet.tables.add(tableRange, true);
  tableRange.format.autofitColumns();
  sheet.activate();
  await context.sync();
  return { name, rows: rowCount, writes: blocks.length };
}

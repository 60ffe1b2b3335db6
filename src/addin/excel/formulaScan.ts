/**
 * Finds the cells of one sheet that hold a formula passing a test (Refresh all: the EOL formulas), so
 * that no request or response ever nears Excel on the web's 5 MB limit however many other formulas the
 * workbook holds. The sheet's used range is read in blocks of rows, formula cells only
 * (getSpecialCells, ExcelApi 1.9); each block's answer is counted in UTF-8 bytes and the next block is
 * sized from it, so a sheet of short formulas takes few requests and one of long formulas more. A block
 * that fails is split in two and tried again, down to one row; a row that still fails is counted as
 * unread and the scan goes on with the next.
 */
import { EXCEL_PAYLOAD_LIMIT_BYTES, jsonBytes } from "../../shared/jsonBytes";
import type { WorkbookContext } from "../office/workbook";

export interface FormulaCell {
  sheet: string;
  row: number;
  column: number;
  formula: string;
}

/** What a block's answer should stay near: a fifth of the limit, as rows further down may be denser. */
export const BLOCK_TARGET_BYTES = EXCEL_PAYLOAD_LIMIT_BYTES / 5;
/**
 * Cells in the first block of a sheet, before anything has been measured: even formulas of Excel's
 * maximum length (8,192 characters, up to 3 bytes each) stay under the limit.
 */
export const FIRST_BLOCK_CELLS = 100;
/** A block is at most this many times the rows of the one before (a sparse stretch may end). */
export const MAX_BLOCK_GROWTH = 8;
/** Cells per block at most (Excel reads at most 5,000,000 cells per range). */
export const MAX_BLOCK_CELLS = 1_000_000;

export interface SheetScan {
  sheet: string;
  /** The sheet is protected: its formulas cannot be written (worksheet.protection, ExcelApi 1.2). */
  protected: boolean;
  /** The matching cells, in row order. */
  cells: FormulaCell[];
  /** Rows whose formulas could not be read, even one row at a time. */
  unreadRows: number;
  /** The UTF-8 size of each block's answer (what Excel sent), for the size guard's tests and logs. */
  blockBytes: number[];
}

interface UsedArea {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** The rows a block of `columns` columns may have. */
function rowsWithin(columns: number, wanted: number): number {
  return Math.max(1, Math.min(Math.floor(wanted), Math.floor(MAX_BLOCK_CELLS / Math.max(1, columns))));
}

/** The next block's rows, from what the last block of `rows` rows weighed. */
export function nextBlockRows(rows: number, bytes: number, columns: number): number {
  const scaled = (rows * BLOCK_TARGET_BYTES) / Math.max(bytes, 1);
  return rowsWithin(columns, Math.min(scaled, rows * MAX_BLOCK_GROWTH));
}

/** One block's formula cells (one sync), or the error Excel gave. */
async function readBlock(
  context: WorkbookContext,
  sheet: string,
  used: UsedArea,
  row: number,
  rows: number,
): Promise<{ formulas: FormulaCell[]; bytes: number }> {
  const block = context.workbook.worksheets
    .getItem(sheet)
    .getRangeByIndexes(row, used.columnIndex, rows, used.columnCount)
    .getSpecialCellsOrNullObject("Formulas");
  block.load("address"); // isNullObject is known after the sync whatever is loaded
  block.areas.load("items/rowIndex,items/columnIndex,items/formulas");
  await context.sync();
  if (block.isNullObject) return { formulas: [], bytes: 0 };
  const areas = block.areas.items.map(({ rowIndex, columnIndex, formulas }) => ({
    rowIndex,
    columnIndex,
    formulas,
  }));
  // Only cells inside the block, whatever Excel answers (VBA's SpecialCells widens a one-cell range to
  // the whole used range; a cell counted twice would be written twice).
  const inside = (cellRow: number) => cellRow >= row && cellRow < row + rows;
  const formulas: FormulaCell[] = [];
  for (const area of areas) {
    area.formulas.forEach((line, r) =>
      line.forEach((formula, c) => {
        if (typeof formula === "string" && inside(area.rowIndex + r)) {
          formulas.push({ sheet, row: area.rowIndex + r, column: area.columnIndex + c, formula });
        }
      }),
    );
  }
  return { formulas, bytes: jsonBytes(areas) };
}

/** The sheet's used range and protection (one sync); null when the sheet is empty. */
async function readSheetShape(
  context: WorkbookContext,
  sheet: string,
): Promise<{ used: UsedArea | null; isProtected: boolean }> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.load("protection/protected");
  const used = worksheet.getUsedRangeOrNullObject();
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  return {
    isProtected: worksheet.protection.protected === true,
    used: used.isNullObject
      ? null
      : {
          rowIndex: used.rowIndex,
          columnIndex: used.columnIndex,
          rowCount: used.rowCount,
          columnCount: used.columnCount,
        },
  };
}

/** Scans one sheet for formulas passing `matches`, block by block (see the file comment). */
export async function scanSheet(
  context: WorkbookContext,
  sheet: string,
  matches: (formula: string) => boolean,
): Promise<SheetScan> {
  const { used, isProtected } = await readSheetShape(context, sheet);
  const scan: SheetScan = { sheet, protected: isProtected, cells: [], unreadRows: 0, blockBytes: [] };
  if (used === null) return scan;
  const end = used.rowIndex + used.rowCount;
  let row = used.rowIndex;
  let rows = rowsWithin(used.columnCount, FIRST_BLOCK_CELLS / used.columnCount);
  while (row < end) {
    const size = Math.min(rows, end - row);
    try {
      const block = await readBlock(context, sheet, used, row, size);
      scan.blockBytes.push(block.bytes);
      scan.cells.push(...block.formulas.filter((cell) => matches(cell.formula)));
      row += size;
      rows = nextBlockRows(size, block.bytes, used.columnCount);
    } catch (error) {
      if (size > 1) {
        rows = Math.ceil(size / 2); // too large, or one bad row in it: try the halves
        continue;
      }
      console.warn(`EOL Refresh all could not read row ${row + 1} of ${sheet}`, error);
      scan.unreadRows++;
      row++;
    }
  }
  return scan;
}

/**
 * Refresh all, done so that every EOL formula really runs again. A full calculation does not always
 * re-invoke custom functions (office-js #4214, #4502, #6545), but a formula written into a cell always
 * is. So: find the cells holding an EOL formula (formulaScan.ts: per sheet, in blocks that stay far
 * below Excel on the web's 5 MB per request), write each formula back as it is, in batches, then read
 * the cells until none is #BUSY! and count the outcome. What cannot be written is left as it is and
 * counted with its reason: a protected sheet, a read-only workbook, a cell Excel refuses to change (a
 * part of a legacy array formula entered with Ctrl+Shift+Enter, a locked cell). A failed block or
 * batch never stops the rest. Needs ExcelApi 1.12 (spill parents); older hosts get recalculate.ts's
 * full calculation instead.
 */
import { functionNamespace } from "../functionNamespace";
import { jsonBytes, EXCEL_PAYLOAD_LIMIT_BYTES } from "../../shared/jsonBytes";
import { isSetSupported } from "../office/environment";
import type { WorkbookContext, WorkbookRange } from "../office/workbook";
import { scanSheet, type FormulaCell } from "./formulaScan";

export type EolFormulaCell = FormulaCell;

/** Why EOL formulas were left as they were. */
export interface SkippedCounts {
  /** On a protected sheet. */
  protectedSheet: number;
  /** The workbook is open read-only (or view-only on the web): nothing can be written. */
  readOnly: number;
  /** Excel refused the change: part of a legacy array formula, or a locked cell. */
  notChangeable: number;
}

export interface RefreshOutcome {
  /** EOL formulas found (re-entered or skipped). */
  cells: number;
  /** Of those re-entered, showing a value now. */
  refreshed: number;
  /** Of those re-entered, showing an error (#N/A with a reason, #VALUE!, #SPILL!, …). */
  inError: number;
  /** Of those re-entered, still #BUSY! when the wait ended. */
  calculating: number;
  /** Left as they were, by reason. */
  skipped: SkippedCounts;
  /** Rows whose formulas could not be read at all (their EOL formulas, if any, are not counted). */
  unreadRows: number;
}

/** Cells per sync when writing, or reading spill parents and values. */
export const WRITE_BATCH = 500;
/** A write batch's formulas stay below this many UTF-8 bytes. */
export const WRITE_BATCH_BYTES = EXCEL_PAYLOAD_LIMIT_BYTES / 5;
/** A call of an EOL function: NS.NAME( anywhere in the formula, not inside a longer name. */
function eolCall(namespace: string): RegExp {
  return new RegExp(`(^|[^A-Za-z0-9_.])${namespace}\\.[A-Za-z][A-Za-z0-9_.]*\\s*\\(`, "i");
}

/** Text literals ("…", with "" inside) are not calls, whatever they contain. */
const TEXT_LITERAL = /"(?:[^"]|"")*"/g;

/** A test for formulas calling one of this add-in's functions (its namespace: functionNamespace.ts). */
export function eolFormulaTest(namespace = functionNamespace()): (formula: unknown) => formula is string {
  const call = eolCall(namespace);
  return (formula: unknown): formula is string =>
    typeof formula === "string" && formula.startsWith("=") && call.test(formula.replace(TEXT_LITERAL, '""'));
}

export function isEolFormula(formula: unknown): formula is string {
  return eolFormulaTest()(formula);
}

/** `cells` cut into batches of at most WRITE_BATCH cells and WRITE_BATCH_BYTES of formulas. */
export function batches(cells: readonly EolFormulaCell[]): EolFormulaCell[][] {
  const result: EolFormulaCell[][] = [];
  let current: EolFormulaCell[] = [];
  let bytes = 0;
  for (const cell of cells) {
    const size = jsonBytes(cell.formula);
    if (current.length > 0 && (current.length >= WRITE_BATCH || bytes + size > WRITE_BATCH_BYTES)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(cell);
    bytes += size;
  }
  if (current.length > 0) result.push(current);
  return result;
}

function cellOf(context: WorkbookContext, cell: EolFormulaCell): WorkbookRange {
  return context.workbook.worksheets.getItem(cell.sheet).getRangeByIndexes(cell.row, cell.column, 1, 1);
}

/** The cells of one batch that are spill anchors or not in a spill (one sync). */
async function anchorsOf(
  context: WorkbookContext,
  batch: readonly EolFormulaCell[],
): Promise<EolFormulaCell[]> {
  const parents = batch.map((cell) => {
    const range = cellOf(context, cell);
    const parent = range.getSpillParentOrNullObject();
    range.load("address");
    parent.load("address");
    return { range, parent };
  });
  await context.sync();
  return batch.filter(
    (_, i) => parents[i].parent.isNullObject || parents[i].parent.address === parents[i].range.address,
  );
}

/**
 * EOL formula cells, anchors only: a cell a spill fills is never rewritten (that would break the
 * spill). A batch per sync, so a sheet with thousands of EOL formulas never makes one huge request.
 */
async function spillAnchors(
  context: WorkbookContext,
  candidates: readonly EolFormulaCell[],
): Promise<EolFormulaCell[]> {
  const anchors: EolFormulaCell[] = [];
  for (const batch of batches(candidates)) anchors.push(...(await anchorsOf(context, batch)));
  return anchors;
}

export interface EolFormulaScan {
  /** EOL formula cells that can be re-entered. */
  writable: EolFormulaCell[];
  /** EOL formula cells on protected sheets. */
  onProtectedSheets: EolFormulaCell[];
  unreadRows: number;
}

/** Every EOL formula anchor of the given sheets, sheet by sheet, in bounded blocks. */
export async function findEolFormulaCells(
  context: WorkbookContext,
  sheetNames: readonly string[],
): Promise<EolFormulaScan> {
  const isEol = eolFormulaTest();
  const found: EolFormulaScan = { writable: [], onProtectedSheets: [], unreadRows: 0 };
  for (const name of sheetNames) {
    const scan = await scanSheet(context, name, isEol);
    found.unreadRows += scan.unreadRows;
    const anchors = await spillAnchors(context, scan.cells);
    (scan.protected ? found.onProtectedSheets : found.writable).push(...anchors);
  }
  return found;
}

/**
 * Writes each formula back unchanged, a batch per sync: Excel runs each one again. A batch Excel
 * refuses is split in two and tried again, down to single cells; the cells refused alone are returned
 * (and left as they were). Cells of a batch written before the refusal may run twice: harmless.
 */
export async function reenterFormulas(
  context: WorkbookContext,
  cells: readonly EolFormulaCell[],
): Promise<EolFormulaCell[]> {
  const refused: EolFormulaCell[] = [];
  const write = async (batch: readonly EolFormulaCell[]): Promise<void> => {
    for (const cell of batch) cellOf(context, cell).formulas = [[cell.formula]];
    try {
      await context.sync();
    } catch (error) {
      if (batch.length === 1) {
        console.warn(`EOL Refresh all left ${batch[0].sheet} row ${batch[0].row + 1} as it is`, error);
        refused.push(batch[0]);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await write(batch.slice(0, half));
      await write(batch.slice(half));
    }
  };
  for (const batch of batches(cells)) await write(batch);
  return refused;
}

/** What a cell shows: a value, an error, or #BUSY!. */
export type CellState = "value" | "error" | "busy" | "notAvailable";

/**
 * What the cells of one batch show. Value types first (small); then the values of the cells in error
 * only (short error texts), so a long text in a cell never weighs on the request.
 */
async function statesOf(context: WorkbookContext, batch: readonly EolFormulaCell[]): Promise<CellState[]> {
  const ranges = batch.map((cell) => {
    const range = cellOf(context, cell);
    range.load("valueTypes");
    return range;
  });
  await context.sync();
  const errors = ranges.filter((range) => String(range.valueTypes[0][0]) === "Error");
  for (const range of errors) range.load("values");
  if (errors.length > 0) await context.sync();
  return ranges.map((range) => {
    if (String(range.valueTypes[0][0]) !== "Error") return "value";
    if (range.values[0][0] === "#BUSY!") return "busy";
    return range.values[0][0] === "#N/A" ? "notAvailable" : "error";
  });
}

/** What each cell shows now, a batch per sync. */
export async function readCellStates(
  context: WorkbookContext,
  cells: readonly EolFormulaCell[],
): Promise<CellState[]> {
  const states: CellState[] = [];
  for (const batch of batches(cells)) states.push(...(await statesOf(context, batch)));
  return states;
}

export const NOTHING_SKIPPED: SkippedCounts = { protectedSheet: 0, readOnly: 0, notChangeable: 0 };

/** The outcome of re-entering `rerun`: counts of values, errors and #BUSY!, plus what was skipped. */
export async function readOutcome(
  context: WorkbookContext,
  rerun: readonly EolFormulaCell[],
  skipped: SkippedCounts = NOTHING_SKIPPED,
  unreadRows = 0,
): Promise<RefreshOutcome> {
  const states = await readCellStates(context, rerun);
  const skippedTotal = skipped.protectedSheet + skipped.readOnly + skipped.notChangeable;
  return {
    cells: rerun.length + skippedTotal,
    refreshed: states.filter((state) => state === "value").length,
    inError: states.filter((state) => state === "error" || state === "notAvailable").length,
    calculating: states.filter((state) => state === "busy").length,
    skipped: { ...skipped },
    unreadRows,
  };
}

/** What a re-run pass did: the cells re-entered, and what it left alone. */
export interface RerunPass {
  rerun: EolFormulaCell[];
  skipped: SkippedCounts;
  unreadRows: number;
}

export interface RerunOptions {
  /** Office opened the document read-only (view-only on the web): nothing is written. */
  readOnly: boolean;
  /** Only the cells showing #N/A (waiting for sign-in, or the gateway was unreachable). */
  onlyNotAvailable?: boolean;
}

/** Whether Excel says the workbook is open read-only (Workbook.readOnly, ExcelApi 1.8). */
async function workbookReadOnly(context: WorkbookContext): Promise<boolean> {
  if (!isSetSupported("ExcelApi", "1.8")) return false;
  context.workbook.load("readOnly");
  await context.sync();
  return context.workbook.readOnly === true;
}

async function onlyNotAvailable(
  context: WorkbookContext,
  cells: readonly EolFormulaCell[],
): Promise<EolFormulaCell[]> {
  const states = await readCellStates(context, cells);
  return cells.filter((_, i) => states[i] === "notAvailable");
}

/** Finds the EOL formulas of the given sheets and re-enters every one that can be (see the file comment). */
export async function rerunEolFormulas(
  context: WorkbookContext,
  sheetNames: readonly string[],
  options: RerunOptions,
): Promise<RerunPass> {
  const found = await findEolFormulaCells(context, sheetNames);
  let writable = found.writable;
  let onProtectedSheets = found.onProtectedSheets;
  if (options.onlyNotAvailable) {
    writable = await onlyNotAvailable(context, writable);
    onProtectedSheets = await onlyNotAvailable(context, onProtectedSheets);
  }
  const skipped = { ...NOTHING_SKIPPED, protectedSheet: onProtectedSheets.length };
  if (options.readOnly || (await workbookReadOnly(context))) {
    return {
      rerun: [],
      skipped: { ...NOTHING_SKIPPED, readOnly: writable.length + onProtectedSheets.length },
      unreadRows: found.unreadRows,
    };
  }
  const refused = new Set(await reenterFormulas(context, writable));
  return {
    rerun: writable.filter((cell) => !refused.has(cell)),
    skipped: { ...skipped, notChangeable: refused.size },
    unreadRows: found.unreadRows,
  };
}

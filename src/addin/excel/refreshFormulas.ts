/**
 * Refresh all, done so that every EOL formula really runs again. A full calculation does not always
 * re-invoke custom functions (office-js #4214, #4502, #6545), but a formula written into a cell always
 * is. So: find the cells holding an EOL formula (per sheet, the used range's formula cells), write each
 * formula back as it is, in batches, then read the cells until none is #BUSY! and count the outcome.
 * Needs ExcelApi 1.12 (spill parents); older hosts get recalculate.ts's full calculation instead.
 */
import { functionNamespace } from "../functionNamespace";
import type { WorkbookContext, WorkbookRange } from "../office/workbook";

export interface EolFormulaCell {
  sheet: string;
  row: number;
  column: number;
  formula: string;
}

export interface RefreshOutcome {
  /** EOL formulas found and re-entered. */
  cells: number;
  /** Of those, showing a value now. */
  refreshed: number;
  /** Of those, showing an error (#N/A with a reason, #VALUE!, #SPILL!, …). */
  inError: number;
  /** Of those, still #BUSY! when the wait ended. */
  calculating: number;
}

/** Cells re-entered per sync: keeps each request well under Excel on the web's 5 MB payload. */
export const WRITE_BATCH = 500;

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

/**
 * Every cell of the given sheets whose formula calls an EOL function, anchors only: a cell that a spill
 * fills is never rewritten (that would break the spill). Three syncs in all.
 */
export async function findEolFormulaCells(
  context: WorkbookContext,
  sheetNames: readonly string[],
): Promise<EolFormulaCell[]> {
  const isEol = eolFormulaTest();
  const perSheet = sheetNames.map((name) => {
    const areas = context.workbook.worksheets
      .getItem(name)
      .getUsedRangeOrNullObject()
      .getSpecialCellsOrNullObject("Formulas");
    areas.load("address"); // isNullObject is known after the sync whatever is loaded
    areas.areas.load("items/rowIndex,items/columnIndex,items/formulas");
    return { name, areas };
  });
  await context.sync();
  const candidates: EolFormulaCell[] = [];
  for (const { name, areas } of perSheet) {
    if (areas.isNullObject) continue;
    for (const area of areas.areas.items) {
      area.formulas.forEach((line, r) =>
        line.forEach((formula, c) => {
          if (isEol(formula)) {
            candidates.push({ sheet: name, row: area.rowIndex + r, column: area.columnIndex + c, formula });
          }
        }),
      );
    }
  }
  const parents = candidates.map((cell) => {
    const range = cellOf(context, cell);
    const parent = range.getSpillParentOrNullObject();
    range.load("address");
    parent.load("address");
    return { range, parent };
  });
  if (parents.length > 0) await context.sync();
  return candidates.filter(
    (_, i) => parents[i].parent.isNullObject || parents[i].parent.address === parents[i].range.address,
  );
}

function cellOf(context: WorkbookContext, cell: EolFormulaCell): WorkbookRange {
  return context.workbook.worksheets.getItem(cell.sheet).getRangeByIndexes(cell.row, cell.column, 1, 1);
}

/**
 * Writes each formula back unchanged, WRITE_BATCH cells per sync, in order: Excel runs each one again.
 * Recursion rather than a loop keeps one sync per batch visible (and the lint rule satisfied).
 */
export async function reenterFormulas(
  context: WorkbookContext,
  cells: readonly EolFormulaCell[],
): Promise<void> {
  if (cells.length === 0) return;
  for (const cell of cells.slice(0, WRITE_BATCH)) cellOf(context, cell).formulas = [[cell.formula]];
  await context.sync();
  await reenterFormulas(context, cells.slice(WRITE_BATCH));
}

/** What the cells show now: counts of values, errors and #BUSY! (one sync). */
export async function readOutcome(
  context: WorkbookContext,
  cells: readonly EolFormulaCell[],
): Promise<RefreshOutcome> {
  const ranges = cells.map((cell) => {
    const range = cellOf(context, cell);
    range.load("values,valueTypes");
    return range;
  });
  if (ranges.length > 0) await context.sync();
  const outcome: RefreshOutcome = { cells: cells.length, refreshed: 0, inError: 0, calculating: 0 };
  for (const range of ranges) {
    if (String(range.valueTypes[0][0]) !== "Error") outcome.refreshed++;
    else if (range.values[0][0] === "#BUSY!") outcome.calculating++;
    else outcome.inError++;
  }
  return outcome;
}

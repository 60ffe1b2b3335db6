/**
 * Re-runs every EOL formula in the workbook. A full calculation (Ctrl+Alt+F9, ExcelApi 1.1) marks
 * every cell dirty, which is what re-invokes non-volatile custom functions. Cells that sit in an error
 * state were sometimes skipped by it (office-js #4502), so where ExcelApi 1.9 is available the formula
 * cells currently showing an error are calculated once more, explicitly.
 */
import { isSetSupported } from "../office/environment";
import type { WorkbookContext } from "../office/workbook";

export interface RecalculateResult {
  /** Sheets whose error cells were recalculated explicitly. */
  sheetsWithErrors: number;
}

function supportsTargetedCalculation(): boolean {
  return isSetSupported("ExcelApi", "1.9");
}

export async function recalculateAll(
  context: WorkbookContext,
  sheetNames: readonly string[],
  targeted = supportsTargetedCalculation(),
): Promise<RecalculateResult> {
  context.workbook.application.calculate("Full");
  await context.sync();
  if (!targeted || sheetNames.length === 0) return { sheetsWithErrors: 0 };
  const errorCells = sheetNames.map((name) =>
    context.workbook.worksheets
      .getItem(name)
      .getUsedRange()
      .getSpecialCellsOrNullObject("Formulas", "Errors"),
  );
  for (const cells of errorCells) cells.load("isNullObject");
  await context.sync();
  const present = errorCells.filter((cells) => !cells.isNullObject);
  for (const cells of present) cells.calculate();
  if (present.length > 0) await context.sync();
  return { sheetsWithErrors: present.length };
}

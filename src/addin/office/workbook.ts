/**
 * Excel.run for the add-in's workbook operations (../excel/: they get the request context and the
 * types below, never Excel itself), and what needs no batch of its own: whether there is a workbook at
 * all, and putting a formula into the selected cell.
 */
import { officeHost } from "./host";

/** One batch's request context: queue reads and writes on it, then `context.sync()`. */
export type WorkbookContext = Excel.RequestContext;
export type WorkbookRange = Excel.Range;
export type Worksheet = Excel.Worksheet;

/** Outside Excel (a browser tab) there is no workbook. */
export function hasWorkbook(): boolean {
  return typeof officeHost().excel?.run === "function";
}

/** Runs `batch` in one Excel request context; `message` is what to say where there is no workbook. */
export function runWorkbook<T>(
  batch: (context: WorkbookContext) => Promise<T>,
  message?: string,
): Promise<T> {
  const excel = officeHost().excel;
  if (typeof excel?.run !== "function") return Promise.reject(new Error(message ?? "Needs Excel."));
  return excel.run(batch);
}

/** Puts `formula` into the selected cell and selects it. */
export async function insertFormulaInSelection(formula: string): Promise<void> {
  await runWorkbook(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.formulas = [[formula]];
    cell.select();
    await context.sync();
  });
}

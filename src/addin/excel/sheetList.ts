import type { WorkbookContext } from "../office/workbook";

/** The names of the workbook's sheets, in one round trip. */
export async function readSheetNames(context: WorkbookContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return sheets.items.map((sheet) => sheet.name);
}

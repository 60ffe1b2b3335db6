/**
 * The bounded formula reader: each block's answer is counted in UTF-8 bytes and the next block sized
 * from it, so short formulas cost few requests and long ones more, none near Excel on the web's 5 MB.
 * Excel through office-addin-mock (support/addin/excelMock.ts), which refuses a sync over 5 MB.
 */
import { FakeWorkbook } from "../../support/addin/excelMock";
import { BLOCK_TARGET_BYTES, scanSheet } from "../../../src/addin/excel/formulaScan";
import { EXCEL_PAYLOAD_LIMIT_BYTES } from "../../../src/shared/jsonBytes";

function sheetOf(formulas: number, formula: (row: number) => string): FakeWorkbook {
  const workbook = new FakeWorkbook();
  workbook.sheets.set("Data", new Map());
  for (let row = 0; row < formulas; row++) workbook.setFormula("Data", row, 0, formula(row));
  return workbook;
}

const matchesNothing = () => false;

test("short formulas: 20,000 of them in a handful of blocks", async () => {
  const workbook = sheetOf(20_000, (row) => `=B${row + 1}*2`);
  const scan = await scanSheet(workbook.context(), "Data", matchesNothing);
  expect(scan.blockBytes.length).toBeLessThanOrEqual(5);
  expect(scan.unreadRows).toBe(0);
});

test("long formulas (4 KB of €, 12 KB each in UTF-8): many smaller blocks, each near the target", async () => {
  const workbook = sheetOf(2_000, (row) => `="${"€".repeat(4_000)}"&${row}`);
  const scan = await scanSheet(workbook.context(), "Data", (formula) => formula.endsWith("&1999"));
  expect(scan.cells).toEqual([{ sheet: "Data", row: 1999, column: 0, formula: expect.any(String) }]);
  expect(scan.blockBytes.reduce((sum, bytes) => sum + bytes, 0)).toBeGreaterThan(
    4 * EXCEL_PAYLOAD_LIMIT_BYTES,
  );
  expect(scan.blockBytes.length).toBeGreaterThan(20);
  expect(Math.max(...scan.blockBytes)).toBeLessThanOrEqual(2 * BLOCK_TARGET_BYTES);
});

test("a block too large for Excel (short formulas, then 8 KB ones) is split until it fits", async () => {
  // After 100 short rows the next block grows eightfold: 800 rows of 8 KB are 6.4 MB, refused.
  const workbook = sheetOf(1_100, (row) => (row < 100 ? `=${row}` : `="${"x".repeat(8_000)}"&${row}`));
  const scan = await scanSheet(workbook.context(), "Data", () => true);
  expect(scan.cells).toHaveLength(1_100);
  expect(scan.unreadRows).toBe(0);
  expect(Math.max(...scan.blockBytes)).toBeLessThanOrEqual(EXCEL_PAYLOAD_LIMIT_BYTES);
  const syncs = workbook.ops.filter((op) => op.op === "sync").length;
  expect(syncs).toBeGreaterThan(1 + scan.blockBytes.length); // the refused attempt(s) too
});

/**
 * Refresh all in real-life workbooks: tens of thousands of other formulas (read in blocks, every sync
 * counted in UTF-8 bytes against Excel on the web's 5 MB limit), protected sheets, read-only sessions,
 * legacy array formulas Excel refuses to change, and rows Excel fails to read. Each is left alone with
 * its reason and the rest still refreshes. Real HTTP to the loopback gateway stand-in; Excel through
 * office-addin-mock (support/addin/excelMock.ts), which fails a sync the way Excel does.
 */
import type { FakeWorkbook } from "../../support/addin/excelMock";
import * as EOL from "../../../src/addin/functions/functions";
import { refreshAll, refreshSummary } from "../../../src/addin/commands/actions";
import { EXCEL_PAYLOAD_LIMIT_BYTES } from "../../../src/shared/jsonBytes";
import { startStubGateway, type StubGateway } from "../../support/addin/stubGateway";
import { connectToStub, freshWorkbook } from "../../support/addin/setup";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";

let stub: StubGateway;
let workbook: FakeWorkbook;
/** Office.context.document.mode as the fake host reports it. */
let documentMode: string;
/** The requirement sets the fake host has (ExcelApi up to this minor version). */
let excelApi: number;
let warn: jest.SpyInstance;

beforeAll(async () => {
  stub = await startStubGateway();
});
afterAll(() => stub.close());
beforeEach(async () => {
  await connectToStub(stub);
  workbook = freshWorkbook("Sheet1", "Report");
  warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  documentMode = "readWrite";
  excelApi = 12;
  fakeOfficeHost({
    office: {
      context: {
        get document() {
          return { mode: documentMode };
        },
        requirements: {
          isSetSupported: (set: string, version: string) =>
            set === "ExcelApi" && Number(version.split(".")[1]) <= excelApi,
        },
      },
    },
  });
  workbook.evaluate = async (formula) =>
    (await EOL.divisions(/FALSE/.test(formula) ? false : true, null))[0][0];
});
afterEach(() => {
  warn.mockRestore();
  resetOfficeHost();
});

function written(): string[] {
  return workbook.ops.flatMap((op) => (op.op === "formula" ? [`${op.sheet}!${op.row},${op.col}`] : []));
}

const nothingSkipped = { protectedSheet: 0, readOnly: 0, notChangeable: 0 };

test("50,000 ordinary formulas and 200 EOL formulas: only the 200 are re-entered, no sync near 5 MB", async () => {
  // Long formulas with € and accents: about 6.6 MB in UTF-8 all told, though under 5 M UTF-16 units.
  const padding = "é".repeat(40);
  for (let i = 0; i < 50_000; i++) {
    workbook.setFormula("Sheet1", Math.floor(i / 2), i % 2, `=IF(C${i + 1}>0,"Omzet € ${i} ${padding}",0)`);
  }
  const eol: string[] = [];
  for (let i = 0; i < 100; i++) {
    workbook.setFormula("Sheet1", i * 250, 3, "=EOL.DIVISIONS()");
    workbook.setFormula("Report", i * 3, 1, "=INDEX(EOL.DIVISIONS(FALSE),1,1)");
    eol.push(`Sheet1!${i * 250},3`, `Report!${i * 3},1`);
  }
  const outcome = await refreshAll();
  expect(written().sort()).toEqual(eol.sort());
  expect(outcome).toEqual({
    cells: 200,
    refreshed: 200,
    inError: 0,
    calculating: 0,
    skipped: nothingSkipped,
    unreadRows: 0,
  });
  const read = workbook.syncBytes.reduce((sum, bytes) => sum + bytes, 0);
  expect(read).toBeGreaterThan(EXCEL_PAYLOAD_LIMIT_BYTES); // the workbook's formulas weigh more than one request may
  expect(Math.max(...workbook.syncBytes)).toBeLessThanOrEqual(EXCEL_PAYLOAD_LIMIT_BYTES / 2);
  expect(workbook.cell("Sheet1", 0, 0)!.value).toBe("old");
}, 60_000);

test("a protected sheet is left alone and counted, the other sheets refresh", async () => {
  workbook.sheets.set("Locked", new Map());
  workbook.protectedSheets.add("Locked");
  workbook.setFormula("Locked", 0, 0, "=EOL.DIVISIONS()");
  workbook.setFormula("Locked", 4, 0, "=EOL.DIVISIONS(FALSE)");
  workbook.setFormula("Sheet1", 0, 0, "=EOL.DIVISIONS()");
  const outcome = await refreshAll();
  expect(written()).toEqual(["Sheet1!0,0"]);
  expect(outcome).toEqual({
    cells: 3,
    refreshed: 1,
    inError: 0,
    calculating: 0,
    skipped: { ...nothingSkipped, protectedSheet: 2 },
    unreadRows: 0,
  });
  expect(refreshSummary(outcome)).toBe(
    "Done: 1 of 3 EOL formulas refreshed, 0 in error, 2 skipped (2 on protected sheets)",
  );
});

test.each([
  ["a view-only session (Office.context.document.mode)", () => (documentMode = "readOnly")],
  ["a workbook Excel opened read-only (Workbook.readOnly)", () => (workbook.readOnly = true)],
])("%s: nothing is written, every EOL formula is counted as skipped", async (_name, makeReadOnly) => {
  makeReadOnly();
  workbook.setFormula("Sheet1", 0, 0, "=EOL.DIVISIONS()");
  workbook.setFormula("Report", 1, 1, "=EOL.DIVISIONS(FALSE)");
  const outcome = await refreshAll();
  expect(written()).toEqual([]);
  expect(outcome).toMatchObject({ cells: 2, refreshed: 0, skipped: { ...nothingSkipped, readOnly: 2 } });
  expect(refreshSummary(outcome)).toBe(
    "Done: 0 of 2 EOL formulas refreshed, 0 in error, 2 skipped (2 because the workbook is open read-only)",
  );
});

test("a legacy array formula (Ctrl+Shift+Enter) keeps its formula; the cells around it refresh", async () => {
  for (const row of [2, 3, 4]) {
    workbook.setFormula("Sheet1", row, 0, "=EOL.DIVISIONS()");
    workbook.arrayCells.add(`Sheet1!${row},0`);
  }
  workbook.setFormula("Sheet1", 0, 0, "=EOL.DIVISIONS()");
  workbook.setFormula("Sheet1", 9, 0, "=EOL.DIVISIONS(FALSE)");
  const outcome = await refreshAll();
  expect([...new Set(written())].sort()).toEqual(["Sheet1!0,0", "Sheet1!9,0"]);
  expect(outcome).toMatchObject({ cells: 5, refreshed: 2, skipped: { ...nothingSkipped, notChangeable: 3 } });
  expect(workbook.cell("Sheet1", 3, 0)).toMatchObject({ formula: "=EOL.DIVISIONS()", value: "old" });
  expect(warn).toHaveBeenCalledTimes(3); // one line per cell left alone, for whoever reads the console
  expect(refreshSummary(outcome)).toBe(
    "Done: 2 of 5 EOL formulas refreshed, 0 in error, 3 skipped (3 in array formulas or locked cells)",
  );
});

test("a row Excel fails to read is counted; the rows before and after it still refresh", async () => {
  workbook.setFormula("Sheet1", 3, 0, "=EOL.DIVISIONS()");
  workbook.setFormula("Sheet1", 7, 0, "=EOL.DIVISIONS()");
  workbook.setFormula("Sheet1", 12, 0, "=EOL.DIVISIONS(FALSE)");
  workbook.setFormula("Report", 0, 0, "=EOL.DIVISIONS()");
  workbook.unreadableRows.add("Sheet1!7");
  const outcome = await refreshAll();
  expect(written().sort()).toEqual(["Report!0,0", "Sheet1!12,0", "Sheet1!3,0"]);
  expect(outcome).toEqual({
    cells: 3,
    refreshed: 3,
    inError: 0,
    calculating: 0,
    skipped: nothingSkipped,
    unreadRows: 1,
  });
  expect(String(warn.mock.calls[0][0])).toBe("EOL Refresh all could not read row 8 of Sheet1");
  expect(refreshSummary(outcome)).toBe(
    "Done: 3 of 3 EOL formulas refreshed, 0 in error; 1 row could not be read",
  );
});

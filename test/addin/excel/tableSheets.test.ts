/**
 * Writing report sheets and recalculating, against office-addin-mock Excel objects over a cell grid
 * that parses values like Excel (support/excelMock.ts).
 */
import { FakeWorkbook, installExcel } from "../../support/addin/excelMock";
import {
  asOfLine,
  MAX_ROWS_PER_WRITE,
  TABLE_HEADER_ROW,
  writeTableSheet,
} from "../../../src/addin/excel/writeTableSheet";
import { recalculateAll } from "../../../src/addin/excel/recalculate";
import { uniqueSheetName } from "../../../src/addin/excel/sheetNames";
import type { Column, TableResponse } from "../../../src/shared/api";

const COLUMNS: Column[] = [
  { name: "Code", type: "string" },
  { name: "Amount", type: "number" },
  { name: "Active", type: "boolean" },
  { name: "Start date", type: "date" },
  { name: "User ID", type: "guid" },
];

function table(rows: TableResponse["rows"]): Pick<TableResponse, "columns" | "rows" | "asOf"> {
  return { columns: COLUMNS, rows, asOf: "2026-11-21T10:15:42.000Z" };
}

let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = new FakeWorkbook();
  installExcel(workbook);
});

describe("writeTableSheet: values are data, never formulas", () => {
  const INJECTIONS = [
    '=HYPERLINK("http://evil","click")',
    "+31 20 123 4567",
    "-5",
    "@SUM(A1)",
    "=1+1",
    "0012",
    "1e5",
  ];

  test.each(INJECTIONS)("the text %s stays exactly that text", async (text) => {
    await writeTableSheet(workbook.context(), {
      baseName: "Report",
      table: table([[text, 1, true, null, text]]),
      existingNames: [],
    });
    for (const col of [0, 4]) {
      expect(workbook.cell("Report", TABLE_HEADER_ROW + 1, col)).toEqual({
        format: "@",
        value: text,
        formula: null,
      });
    }
  });

  test("numbers, booleans and dates keep real types; dates get a date format; empty stays empty", async () => {
    await writeTableSheet(workbook.context(), {
      baseName: "Report",
      table: table([
        ["A", -5, false, "2020-01-01T00:00:00.000Z", "u-1"],
        ["B", 1234.5, true, "2021-06-15T13:30:00.000Z", null],
        ["C", null, null, null, null],
      ]),
      existingNames: [],
    });
    const row = (r: number) => [0, 1, 2, 3, 4].map((c) => workbook.cell("Report", TABLE_HEADER_ROW + r, c));
    expect(row(1)[1]).toEqual({ format: "General", value: -5, formula: null });
    expect(row(1)[2]).toEqual({ format: "General", value: false, formula: null });
    expect(row(1)[3]).toEqual({ format: "yyyy-mm-dd", value: 43831, formula: null });
    expect(row(2)[1]?.value).toBe(1234.5);
    expect(row(2)[3]?.format).toBe("yyyy-mm-dd hh:mm");
    expect(row(2)[3]?.value as number).toBeCloseTo(44362.5625, 8);
    expect(row(3).map((cell) => cell?.value)).toEqual(["C", "", "", "", ""]);
  });

  test('a "Data as of" line, the header row as text, and an Excel table over header + rows', async () => {
    const written = await writeTableSheet(workbook.context(), {
      baseName: "Divisions",
      table: table([["=evil()", 1, true, null, "g"]]),
      existingNames: [],
    });
    expect(written).toMatchObject({ name: "Divisions", rows: 1 });
    expect(workbook.cell("Divisions", 0, 0)).toEqual({
      format: "@",
      value: "Data as of 2026-11-21 10:15 UTC",
      formula: null,
    });
    expect([0, 1, 2, 3, 4].map((c) => workbook.cell("Divisions", TABLE_HEADER_ROW, c)?.value)).toEqual(
      COLUMNS.map((column) => column.name),
    );
    expect(workbook.ops).toContainEqual({
      op: "addTable",
      sheet: "Divisions",
      row: TABLE_HEADER_ROW,
      rows: 2,
      cols: 5,
      hasHeaders: true,
    });
    expect(workbook.ops).toContainEqual({ op: "activate", sheet: "Divisions" });
  });

  test("never overwrites: a taken name (any case) gets the next free number", async () => {
    workbook.sheets.set("Divisions", new Map());
    workbook.sheets.set("divisions (2)", new Map());
    const written = await writeTableSheet(workbook.context(), {
      baseName: "Divisions",
      table: table([]),
      existingNames: ["Divisions", "divisions (2)"],
    });
    expect(written.name).toBe("Divisions (3)");
    expect(workbook.sheets.get("Divisions")!.size).toBe(0);
  });

  test("12,001 rows: three chunks of at most 5,000 rows, calculation suspended and one sync per chunk", async () => {
    const rows = Array.from({ length: 12_001 }, (_, i) => [`=A${i}`, i, i % 2 === 0, null, `id-${i}`]);
    await writeTableSheet(workbook.context(), { baseName: "Big", table: table(rows), existingNames: [] });
    const valueWrites = workbook.ops.filter((op) => op.op === "values") as { row: number; rows: number }[];
    // "as of" line, header, then the data chunks
    expect(valueWrites.map((write) => write.rows)).toEqual([1, 1, 5000, 5000, 2001]);
    expect(Math.max(...valueWrites.map((write) => write.rows))).toBeLessThanOrEqual(MAX_ROWS_PER_WRITE);
    expect(valueWrites.slice(2).map((write) => write.row)).toEqual([3, 5003, 10003]);
    // Every write happens with calculation suspended until the next sync.
    let suspended = false;
    for (const op of workbook.ops) {
      if (op.op === "suspendCalculation") suspended = true;
      if (op.op === "sync") suspended = false;
      if (op.op === "values") expect(suspended).toBe(true);
    }
    expect(workbook.ops.filter((op) => op.op === "sync")).toHaveLength(4); // 3 chunks + table/activate
    expect(workbook.cell("Big", TABLE_HEADER_ROW + 12_001, 0)).toEqual({
      format: "@",
      value: "=A12000",
      formula: null,
    });
  });
});

describe("sheet names", () => {
  test("Excel's limits: 31 characters, no : \\ / ? * [ ]", () => {
    expect(uniqueSheetName("Role audit: 2026/11 [all]?", [])).toBe("Role audit  2026 11  all");
    const long = "A very long report sheet name that goes on";
    expect(uniqueSheetName(long, [])).toHaveLength(31);
    const second = uniqueSheetName(long, [long.slice(0, 31)]);
    expect(second).toMatch(/ \(2\)$/);
    expect(second.length).toBeLessThanOrEqual(31);
  });
});

describe("recalculateAll", () => {
  test("a full calculation, then the formula cells in error explicitly (ExcelApi 1.9)", async () => {
    workbook.sheets.set("Sheet1", new Map());
    workbook.sheets.set("Report", new Map());
    workbook.sheetsWithErrors.add("Report");
    const result = await recalculateAll(workbook.context(), ["Sheet1", "Report"], true);
    expect(result).toEqual({ sheetsWithErrors: 1 });
    const ops = workbook.ops.filter((op) => op.op !== "sync");
    expect(ops).toEqual([
      { op: "calculate", type: "Full" },
      { op: "calculateErrors", sheet: "Report" },
    ]);
  });

  test("without ExcelApi 1.9 only the full calculation", async () => {
    workbook.sheetsWithErrors.add("Report");
    await recalculateAll(workbook.context(), ["Report"], false);
    expect(workbook.ops).toEqual([{ op: "calculate", type: "Full" }, { op: "sync" }]);
  });
});

test('the "Data as of" line names the division when the answer was limited to the current one', () => {
  const base = { columns: [], rows: [], asOf: "2026-11-21T23:30:00.000Z" };
  expect(asOfLine(base)).toBe("Data as of 2026-11-21 23:30 UTC");
  expect(asOfLine({ ...base, divisionSource: "all", divisions: [101, 102] })).toBe(
    "Data as of 2026-11-21 23:30 UTC",
  );
  expect(asOfLine({ ...base, divisionSource: "current", divisions: [101] })).toBe(
    "Data as of 2026-11-21 23:30 UTC — only your current division in Exact (101); no division was given",
  );
});

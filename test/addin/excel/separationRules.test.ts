/**
 * The Access review sheet's editable "Separation rules" table: written with the review (the example row
 * commented out the first time, the rules used afterwards), found again through the workbook's settings,
 * and read back as the user edited it — office-addin-mock Excel objects over a cell grid (excelMock.ts).
 */
import { FakeWorkbook, installExcel } from "../../support/addin/excelMock";
import { writeAccessReviewSheet } from "../../../src/addin/excel/accessReviewSheet";
import {
  SEPARATION_RULES_SETTING,
  readSeparationRules,
  rememberSeparationRules,
  separationRulesTableName,
} from "../../../src/addin/excel/separationRules";
import { addinStrings } from "../../../src/addin/i18n";
import type { AccessReviewResponse, Column } from "../../../src/shared/api";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";

const text = (name: string): Column => ({ name, type: "string" });
const empty = { columns: [text("X")], rows: [] };
const CONFLICTS = {
  columns: [text("Rule"), text("User name"), { name: "Since", type: "date" } as Column],
  rows: [["Enter and approve", "=evil()", "2024-03-01T00:00:00.000Z"]],
};

function review(conflicts = CONFLICTS): AccessReviewResponse {
  return {
    holders: empty,
    findings: empty,
    changes: empty,
    catalogue: empty,
    conflicts,
    asOf: "2026-12-01T07:00:00.000Z",
    divisions: [101],
    divisionSource: "all",
    cached: false,
    since: "2026-09-02",
    roles: [274],
    inactiveDays: 90,
    snapshotId: "snapshot-1",
    snapshotExpiresAt: "2026-12-02T07:00:00.000Z",
    lastSignOff: null,
    sinceLastSignOff: { columns: [], rows: [] },
  };
}

const FIRST = { since: "2026-09-02", remembered: false };
const sheets = addinStrings().sheets;
let workbook: FakeWorkbook;
let stored: Map<string, unknown>;

beforeEach(() => {
  workbook = new FakeWorkbook();
  stored = new Map();
  fakeOfficeHost({
    office: {
      AsyncResultStatus: { Succeeded: "succeeded" },
      context: {
        document: {
          settings: {
            get: (name: string) => stored.get(name) ?? null,
            set: (name: string, value: unknown) => stored.set(name, value),
            saveAsync: (callback: (result: { status: string }) => void) => callback({ status: "succeeded" }),
          },
        },
      },
    },
  });
  installExcel(workbook);
});
afterEach(() => resetOfficeHost());

const row = (sheet: string, at: number, cols = 3) =>
  Array.from({ length: cols }, (_, c) => workbook.cell(sheet, at, c)?.value);

test("the table is named after its sheet, so every review sheet has its own", () => {
  expect(separationRulesTableName("Access review")).toBe("SeparationRules");
  expect(separationRulesTableName("Access review (2)")).toBe("SeparationRules2");
  expect(separationRulesTableName("Toegangsreview (13)")).toBe("SeparationRules13");
});

test("a first review: the rules table holds only the example, commented out, and no conflicts", async () => {
  const written = await writeAccessReviewSheet(
    workbook.context(),
    review({ ...CONFLICTS, rows: [] }),
    "Ann",
    FIRST,
    [],
  );
  const [rules, conflicts] = written.tables.slice(-2);
  const sheet = "Access review";
  expect(workbook.cell(sheet, rules.headerRow - 1, 0)?.value).toBe(sheets.separationRules);
  expect(row(sheet, rules.headerRow)).toEqual(["Role A", "Role B", "Rule"]);
  expect(row(sheet, rules.headerRow + 1)).toEqual(sheets.separationRuleExample);
  expect(workbook.tables.get("SeparationRules")).toMatchObject({ sheet, row: rules.headerRow, rows: 2 });
  expect(workbook.cell(sheet, conflicts.headerRow - 1, 0)?.value).toMatch(/no rules yet/);
  expect(conflicts.rows).toBe(0);
});

test("a later review: the rules it used, then the conflicts, text kept as text", async () => {
  const rules = [
    { roleA: 11, roleB: 21, name: "Enter and approve" },
    { roleA: 31, roleB: 41, name: null },
  ];
  workbook.sheets.set("Access review", new Map());
  const written = await writeAccessReviewSheet(
    workbook.context(),
    review(),
    "Ann",
    FIRST,
    ["Access review"],
    undefined,
    rules,
  );
  const sheet = "Access review (2)";
  const [rulesTable, conflicts] = written.tables.slice(-2);
  expect(row(sheet, rulesTable.headerRow + 1)).toEqual([11, 21, "Enter and approve"]);
  expect(row(sheet, rulesTable.headerRow + 2)).toEqual([31, 41, ""]);
  expect(workbook.tables.has("SeparationRules2")).toBe(true);
  expect(workbook.cell(sheet, conflicts.headerRow - 1, 0)?.value).toBe(sheets.conflicts(2));
  // The conflicts are decidable: the snapshot's row number first, then the gateway's columns.
  expect(workbook.cell(sheet, conflicts.headerRow + 1, 0)?.value).toBe(1);
  expect(workbook.cell(sheet, conflicts.headerRow + 1, 2)).toEqual({
    format: "@",
    value: "=evil()",
    formula: null,
  });
});

describe("reading the rules back", () => {
  const read = () => workbook.context();

  async function firstReview(): Promise<number> {
    const written = await writeAccessReviewSheet(workbook.context(), review(), "Ann", FIRST, []);
    await rememberSeparationRules(separationRulesTableName(written.name));
    return written.tables.at(-2)!.headerRow;
  }

  test("none before any review, or when the remembered table is gone", async () => {
    expect(await readSeparationRules(read(), sheets)).toEqual([]);
    stored.set(SEPARATION_RULES_SETTING, "SeparationRules7");
    expect(await readSeparationRules(read(), sheets)).toEqual([]);
  });

  test("the example stays a comment until its # is removed; rows the user added count too", async () => {
    const header = await firstReview();
    expect(stored.get(SEPARATION_RULES_SETTING)).toBe("SeparationRules");
    expect(await readSeparationRules(read(), sheets)).toEqual([]);
    // The user removes the "#" (the cell is text-formatted: "11" stays a text) and types a second rule.
    const grid = workbook.sheets.get("Access review")!;
    grid.set(`${header + 1},0`, { format: "@", value: "11", formula: null });
    workbook.growTable("SeparationRules", 1);
    grid.set(`${header + 2},0`, { format: "General", value: 51, formula: null });
    grid.set(`${header + 2},1`, { format: "General", value: 274, formula: null });
    expect(await readSeparationRules(read(), sheets)).toEqual([
      { roleA: 11, roleB: 21, name: expect.stringMatching(/^Example/) },
      { roleA: 51, roleB: 274, name: null },
    ]);
  });

  test("a bad row stops the review with a message naming it", async () => {
    const header = await firstReview();
    workbook.growTable("SeparationRules", 1);
    workbook.sheets
      .get("Access review")!
      .set(`${header + 2},0`, { format: "General", value: 51, formula: null });
    await expect(readSeparationRules(read(), sheets)).rejects.toThrow(
      sheets.badSeparationRules("row 2: role B is missing"),
    );
  });
});

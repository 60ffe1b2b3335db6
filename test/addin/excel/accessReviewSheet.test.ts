/**
 * The Access review sheet's writer and the review date remembered in the workbook, against
 * office-addin-mock Excel objects over a cell grid that parses values like Excel (support/excelMock.ts).
 */
import { FakeWorkbook, installExcel } from "../../support/addin/excelMock";
import { MAX_ROWS_PER_WRITE } from "../../../src/addin/excel/writeTableSheet";
import { writeAccessReviewSheet } from "../../../src/addin/excel/accessReviewSheet";
import {
  FIRST_REVIEW_DAYS,
  REVIEW_SETTING,
  rememberReview,
  reviewStart,
} from "../../../src/addin/excel/reviewDate";
import type { AccessReviewResponse, Column } from "../../../src/shared/api";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";

const HOLDER_COLUMNS: Column[] = [
  { name: "Division", type: "number" },
  { name: "User", type: "guid" },
  { name: "User name", type: "string" },
  { name: "Start date", type: "date" },
];
const FINDING_COLUMNS: Column[] = [
  { name: "Finding", type: "string" },
  { name: "User name", type: "string" },
  { name: "Last login", type: "date" },
];
const CHANGE_COLUMNS: Column[] = [
  { name: "Change", type: "string" },
  { name: "Date", type: "date" },
  { name: "Changed by", type: "string" },
];
const CATALOGUE_COLUMNS: Column[] = [
  { name: "Role", type: "number" },
  { name: "Description", type: "string" },
  { name: "Holders", type: "number" },
];

const CONFLICT_COLUMNS: Column[] = [
  { name: "Rule", type: "string" },
  { name: "User name", type: "string" },
  { name: "Since", type: "date" },
];

function review(holderRows = 2): AccessReviewResponse {
  return {
    holders: {
      columns: HOLDER_COLUMNS,
      rows: Array.from({ length: holderRows }, (_, i) => [
        101 + (i % 3),
        `u-${i}`,
        i === 0 ? '=HYPERLINK("http://evil")' : `User ${i}`,
        "2026-01-05T00:00:00.000Z",
      ]),
    },
    findings: {
      columns: FINDING_COLUMNS,
      rows: [["Login ended, roles still active", "+31 Cy", null]],
    },
    changes: {
      columns: CHANGE_COLUMNS,
      rows: [
        ["Granted", "2026-11-20T00:00:00.000Z", "Ann Admin"],
        ["Ended", "2026-11-10T00:00:00.000Z", "-Bob"],
      ],
    },
    catalogue: {
      columns: CATALOGUE_COLUMNS,
      rows: [[274, "Manage subscription", holderRows]],
    },
    conflicts: { columns: CONFLICT_COLUMNS, rows: [] },
    asOf: "2026-12-01T07:00:00.000Z",
    divisions: [101, 102, 103],
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

let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = new FakeWorkbook();
  installExcel(workbook);
});

function column(sheet: string, row: number, cols: number): unknown[] {
  return Array.from({ length: cols }, (_, c) => workbook.cell(sheet, row, c)?.value);
}

describe("writeAccessReviewSheet", () => {
  test("a heading, then the Excel tables with their titles, headers and rows", async () => {
    const written = await writeAccessReviewSheet(workbook.context(), review(), "Ann Admin", FIRST, []);
    expect(written.name).toBe("Access review");
    const sheet = "Access review";
    expect([0, 1, 2, 3, 4, 5].map((r) => workbook.cell(sheet, r, 0)?.value)).toEqual([
      "Access review",
      "Scope: all accessible divisions (3 divisions)",
      "Data as of 2026-12-01 07:00 UTC",
      "Reviewer: Ann Admin",
      "Changes since 2026-09-02 (first review of this workbook: the last 90 days)",
      "Not signed off: choose a Decision per row, then Sign off (before 2026-12-02 07:00 UTC; later, insert a new review)",
    ]);
    // Heading (6 lines) + blank, then per table: title, header, rows, blank.
    expect(written.tables).toEqual([
      { headerRow: 8, rows: 2 },
      { headerRow: 13, rows: 1 },
      { headerRow: 17, rows: 2 },
      { headerRow: 22, rows: 1 },
      { headerRow: 26, rows: 1 },
      { headerRow: 30, rows: 0 },
    ]);
    expect(workbook.cell(sheet, 7, 0)?.value).toBe("Holders of role 274");
    expect(workbook.cell(sheet, 12, 0)?.value).toBe(
      "Findings (login ended, no login for 90 days or more, or two-step verification missing)",
    );
    expect(workbook.cell(sheet, 16, 0)?.value).toBe("Changes since 2026-09-02");
    expect(workbook.cell(sheet, 21, 0)?.value).toBe("Role catalogue (descriptions as in Exact's data)");
    // Holders and findings: the snapshot's row number first, Decision and Comment last.
    expect(column(sheet, 8, 7)).toEqual(["#", ...HOLDER_COLUMNS.map((c) => c.name), "Decision", "Comment"]);
    expect(column(sheet, 13, 6)).toEqual(["#", ...FINDING_COLUMNS.map((c) => c.name), "Decision", "Comment"]);
    expect(column(sheet, 17, 3)).toEqual(CHANGE_COLUMNS.map((c) => c.name));
    expect(column(sheet, 22, 3)).toEqual(CATALOGUE_COLUMNS.map((c) => c.name));
    expect(column(sheet, 10, 7)).toEqual([2, 102, "u-1", "User 1", 46027, "", ""]);
    expect(column(sheet, 23, 3)).toEqual([274, "Manage subscription", 2]);
    const tables = workbook.ops.filter((op) => op.op === "addTable" || op.op === "nameTable");
    expect(tables).toEqual([
      { op: "addTable", sheet, row: 8, rows: 3, cols: 7, hasHeaders: true },
      { op: "addTable", sheet, row: 13, rows: 2, cols: 6, hasHeaders: true },
      { op: "addTable", sheet, row: 17, rows: 3, cols: 3, hasHeaders: true },
      { op: "addTable", sheet, row: 22, rows: 2, cols: 3, hasHeaders: true },
      { op: "addTable", sheet, row: 26, rows: 2, cols: 3, hasHeaders: true },
      { op: "nameTable", sheet, row: 26, name: "SeparationRules" },
      // The conflicts: the snapshot's row number first, Decision and Comment last, like the holders.
      { op: "addTable", sheet, row: 30, rows: 1, cols: CONFLICT_COLUMNS.length + 3, hasHeaders: true },
    ]);
    // A Keep / Remove / Investigate list on the Decision cells of the holders and findings.
    expect(workbook.ops.filter((op) => op.op === "validation")).toEqual([
      { op: "validation", sheet, row: 9, col: 5, rows: 2, cols: 1, list: "Keep,Remove,Investigate" },
      { op: "validation", sheet, row: 14, col: 4, rows: 1, cols: 1, list: "Keep,Remove,Investigate" },
    ]);
    expect(written.record).toEqual({
      snapshotId: "snapshot-1",
      snapshotExpiresAt: "2026-12-02T07:00:00.000Z",
      statusRow: 5,
      tables: {
        holders: { headerRow: 8, columns: 7, rows: 2 },
        findings: { headerRow: 13, columns: 6, rows: 1 },
        conflicts: { headerRow: 30, columns: CONFLICT_COLUMNS.length + 3, rows: 0 },
      },
      signedOff: null,
    });
    expect(workbook.ops).toContainEqual({ op: "activate", sheet });
  });

  test("after a sign-off, what changed since comes first, titled with its time and reviewer", async () => {
    const since = {
      columns: [
        { name: "Change", type: "string" as const },
        { name: "User ID", type: "guid" as const },
      ],
      rows: [["Decision not carried out", "u-0"]],
    };
    const lastSignOff = { id: "r1", signedAt: "2026-11-01T08:00:00.000Z", reviewer: "Ann Admin", hash: "ab" };
    const written = await writeAccessReviewSheet(
      workbook.context(),
      { ...review(), lastSignOff, sinceLastSignOff: since },
      "Ann Admin",
      FIRST,
      [],
    );
    const sheet = "Access review";
    expect(workbook.cell(sheet, 7, 0)?.value).toBe("Since last sign-off (2026-11-01 08:00 UTC, Ann Admin)");
    expect(column(sheet, 9, 2)).toEqual(["Decision not carried out", "u-0"]);
    expect(written.record.tables.holders).toEqual({ headerRow: 12, columns: 7, rows: 2 });
  });

  test('text cells are formatted "@" and stay text; numbers and dates keep real types', async () => {
    await writeAccessReviewSheet(workbook.context(), review(), "=Reviewer()", FIRST, []);
    const sheet = "Access review";
    expect(workbook.cell(sheet, 3, 0)).toEqual({
      format: "@",
      value: "Reviewer: =Reviewer()",
      formula: null,
    });
    expect(workbook.cell(sheet, 9, 3)).toEqual({
      format: "@",
      value: '=HYPERLINK("http://evil")',
      formula: null,
    });
    expect(workbook.cell(sheet, 14, 2)).toEqual({ format: "@", value: "+31 Cy", formula: null });
    expect(workbook.cell(sheet, 19, 2)).toEqual({ format: "@", value: "-Bob", formula: null });
    expect(workbook.cell(sheet, 9, 1)).toEqual({ format: "General", value: 101, formula: null });
    expect(workbook.cell(sheet, 18, 1)).toEqual({ format: "yyyy-mm-dd", value: 46346, formula: null });
  });

  test("a large scope is written in chunks of at most 5,000 rows, each with calculation suspended", async () => {
    await writeAccessReviewSheet(workbook.context(), review(11_000), "Ann Admin", FIRST, []);
    const holderWrites = workbook.ops.filter((op) => op.op === "values" && op.rows > 1 && op.cols === 7) as {
      row: number;
      rows: number;
    }[];
    expect(holderWrites.map((write) => [write.row, write.rows])).toEqual([
      [9, 5000],
      [5009, 5000],
      [10009, 1000],
    ]);
    expect(Math.max(...holderWrites.map((write) => write.rows))).toBeLessThanOrEqual(MAX_ROWS_PER_WRITE);
    let suspended = false;
    for (const op of workbook.ops) {
      if (op.op === "suspendCalculation") suspended = true;
      if (op.op === "sync") suspended = false;
      if (op.op === "values") expect(suspended).toBe(true);
    }
    // One sync per data chunk (3 + findings + changes + catalogue + rules), one for the empty conflicts
    // table's header, one for the tables and one for the Decision lists.
    expect(workbook.ops.filter((op) => op.op === "sync")).toHaveLength(10);
    // The findings table moves down below the 11,000 holders.
    expect(workbook.cell("Access review", 9 + 11_000 + 1, 0)?.value).toMatch(/^Findings/);
  });

  test("never overwrites an earlier review sheet", async () => {
    workbook.sheets.set("Access review", new Map());
    const written = await writeAccessReviewSheet(workbook.context(), review(), "Ann", FIRST, [
      "Access review",
    ]);
    expect(written.name).toBe("Access review (2)");
    expect(workbook.sheets.get("Access review")!.size).toBe(0);
  });

  test("a remembered review says so in the heading", async () => {
    await writeAccessReviewSheet(
      workbook.context(),
      { ...review(), since: "2026-10-01" },
      "Ann",
      { since: "2026-10-01", remembered: true },
      [],
    );
    expect(workbook.cell("Access review", 4, 0)?.value).toBe(
      "Changes since the previous review of this workbook: 2026-10-01",
    );
  });
});

describe("the review date remembered in the workbook (document settings)", () => {
  let stored: Map<string, unknown>;
  let saveFails: boolean;
  let saves: number;
  beforeEach(() => {
    stored = new Map();
    saveFails = false;
    saves = 0;
    fakeOfficeHost({
      office: {
        AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
        context: {
          document: {
            settings: {
              get: (name: string) => stored.get(name) ?? null,
              set: (name: string, value: unknown) => stored.set(name, value),
              saveAsync: (callback: (result: { status: string; error?: { message: string } }) => void) => {
                saves++;
                setTimeout(() =>
                  callback(
                    saveFails
                      ? { status: "failed", error: { message: "read-only" } }
                      : { status: "succeeded" },
                  ),
                );
              },
            },
          },
        },
      },
    });
  });
  afterEach(() => resetOfficeHost());

  test(`first review: the last ${FIRST_REVIEW_DAYS} days`, () => {
    expect(reviewStart(new Date("2026-12-01T07:00:00.000Z"))).toEqual({
      since: "2026-09-02",
      remembered: false,
    });
  });

  test("a stored review date is read back; a malformed one counts as none", () => {
    stored.set(REVIEW_SETTING, "2026-10-15");
    expect(reviewStart(new Date("2026-12-01T07:00:00.000Z"))).toEqual({
      since: "2026-10-15",
      remembered: true,
    });
    stored.set(REVIEW_SETTING, "15-10-2026");
    expect(reviewStart(new Date("2026-12-01T07:00:00.000Z")).remembered).toBe(false);
  });

  test("rememberReview sets the date and saves the settings; a failed save rejects", async () => {
    await rememberReview("2026-12-01");
    expect(stored.get(REVIEW_SETTING)).toBe("2026-12-01");
    expect(saves).toBe(1);
    expect(reviewStart().since).toBe("2026-12-01");
    saveFails = true;
    await expect(rememberReview("2026-12-02")).rejects.toThrow(
      "The review date was not saved in the workbook: read-only",
    );
  });
});

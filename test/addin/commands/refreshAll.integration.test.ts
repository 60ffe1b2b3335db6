/**
 * Refresh all on a host with ExcelApi 1.12: every cell holding an EOL formula is re-entered (so Excel
 * runs it again, whatever a full calculation would have skipped), in batches, and "Done" comes only
 * once the cells show their new values, with how many are in error. Real HTTP to the loopback gateway
 * stand-in; Excel through office-addin-mock (support/excelMock.ts).
 */
import type { FakeWorkbook } from "../../support/addin/excelMock";
import * as EOL from "../../../src/addin/functions/functions";
import { refreshAll, refreshSummary } from "../../../src/addin/commands/actions";
import { NOTHING_SKIPPED, WRITE_BATCH, isEolFormula } from "../../../src/addin/excel/refreshFormulas";
import { on, type AddinEvents } from "../../../src/addin/events";
import { startStubGateway, type StubGateway } from "../../support/addin/stubGateway";
import { connectToStub, freshWorkbook } from "../../support/addin/setup";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";

/** An outcome with nothing skipped and every row read. */
const counted = (counts: { cells: number; refreshed: number; inError: number; calculating: number }) => ({
  ...counts,
  skipped: NOTHING_SKIPPED,
  unreadRows: 0,
});

let stub: StubGateway;
let workbook: FakeWorkbook;
let progress: AddinEvents["progress"][];
let stopListening: () => void;

beforeAll(async () => {
  stub = await startStubGateway();
});
afterAll(() => stub.close());
beforeEach(async () => {
  await connectToStub(stub);
  workbook = freshWorkbook("Sheet1", "Report");
  fakeOfficeHost({
    office: {
      context: {
        requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && v === "1.12" },
      },
    },
  });
  // A formula evaluates as Excel would: by calling the EOL function (the first cell of its table).
  workbook.evaluate = async (formula) => {
    const table = /USERS/i.test(formula)
      ? await EOL.users(101, false)
      : /WHOAMI/i.test(formula)
        ? await EOL.whoAmI(false)
        : await EOL.divisions(false, null);
    return table[0][0];
  };
  progress = [];
  stopListening = on("progress", (event) => progress.push(event));
});
afterEach(() => {
  stopListening();
  resetOfficeHost();
});

test("re-enters exactly the EOL formulas (any case, nested), not other formulas or spilled cells", async () => {
  workbook.setFormula("Sheet1", 0, 0, "=EOL.DIVISIONS()");
  workbook.setFormula("Sheet1", 1, 0, "=EOL.DIVISIONS()"); // reported as a formula, but spilled into
  workbook.spillChildren.add("Sheet1!1,0");
  workbook.setFormula("Sheet1", 0, 3, "=eol.whoami(FALSE)");
  workbook.setFormula("Sheet1", 5, 0, "=SUM(A1:A3)");
  workbook.setFormula("Report", 2, 2, "=INDEX(EOL.USERS(101),1,1)");
  const outcome = await refreshAll();
  const written = workbook.ops.flatMap((op) =>
    op.op === "formula" ? [`${op.sheet}!${op.row},${op.col}`] : [],
  );
  expect(written.sort()).toEqual(["Report!2,2", "Sheet1!0,0", "Sheet1!0,3"]);
  expect(workbook.ops.some((op) => op.op === "calculate")).toBe(false);
  expect(outcome).toEqual(counted({ cells: 3, refreshed: 3, inError: 0, calculating: 0 }));
  expect(workbook.cell("Sheet1", 0, 0)!.value).toBe(101);
  expect(workbook.cell("Sheet1", 5, 0)!.value).toBe("old");
});

test("reports done only once the re-run values arrived, with the counts of refreshed and failed cells", async () => {
  workbook.setFormula("Sheet1", 0, 0, "=EOL.DIVISIONS()");
  workbook.setFormula("Sheet1", 0, 3, "=EOL.WHOAMI(FALSE)");
  workbook.setFormula("Report", 2, 2, "=INDEX(EOL.USERS(101),1,1)");
  stub.failures.set("/api/v1/users", {
    status: 403,
    code: "no_division_access",
    message: "No access to division 101.",
  });
  stub.delayMs = 600; // slower than the settle time: the cells are #BUSY! when first read
  let busyAtDone: string[] = [];
  const stop = on("progress", (event) => {
    if (event.done === event.total) {
      busyAtDone = ["Sheet1!0,0", "Sheet1!0,3", "Report!2,2"].filter((key) => {
        const [sheet, at] = key.split("!");
        const [row, col] = at.split(",").map(Number);
        return workbook.cell(sheet, row, col)!.value === "#BUSY!";
      });
    }
  });
  try {
    expect(await refreshAll()).toEqual(counted({ cells: 3, refreshed: 2, inError: 1, calculating: 0 }));
  } finally {
    stub.delayMs = 20;
    stop();
  }
  expect(busyAtDone).toEqual([]);
  expect(workbook.cell("Report", 2, 2)!.value).toBe("#N/A");
  expect(progress.map((event) => event.label)).toEqual([
    "Clearing cached Exact Online data",
    "Running every EOL formula again",
    "Fetching fresh data",
    "Done: 2 of 3 EOL formulas refreshed, 1 in error",
  ]);
});

test(`writes in batches of ${WRITE_BATCH} cells, one sync each`, async () => {
  for (let row = 0; row < 2 * WRITE_BATCH + 200; row++)
    workbook.setFormula("Sheet1", row, 0, `=EOL.DIVISIONS()`);
  const outcome = await refreshAll();
  expect(outcome).toMatchObject({ cells: 1200, refreshed: 1200, inError: 0 });
  const batches: number[] = [];
  let current = 0;
  for (const op of workbook.ops) {
    if (op.op === "formula") current++;
    else if (op.op === "sync" && current > 0) {
      batches.push(current);
      current = 0;
    }
  }
  expect(batches).toEqual([WRITE_BATCH, WRITE_BATCH, 200]);
  // Identical formulas share one fetch (coalesced), so 1,200 cells cost one request.
  expect(stub.requests.filter((request) => request.path === "/api/v1/divisions")).toHaveLength(1);
});

test("a workbook without EOL formulas is done at once, and says so", async () => {
  workbook.setFormula("Sheet1", 0, 0, "=1+1");
  expect(await refreshAll()).toEqual(counted({ cells: 0, refreshed: 0, inError: 0, calculating: 0 }));
  expect(progress.at(-1)?.label).toBe("Done: 0 of 0 EOL formulas refreshed, 0 in error");
});

test("what counts as an EOL formula", () => {
  expect(
    ["=EOL.DIVISIONS()", "=eol.Users(A1)", "=SUM(EOL.USERS(1))", '=IFERROR(EOL.QUERY("a","b"),0)'].every(
      isEolFormula,
    ),
  ).toBe(true);
  expect(
    ["EOL.DIVISIONS()", "=MYEOL.X()", '="EOL.DIVISIONS()" & ""', "=A1", 5, null].some(isEolFormula),
  ).toBe(false);
  expect(refreshSummary(counted({ cells: 4, refreshed: 2, inError: 1, calculating: 1 }))).toBe(
    "Done: 2 of 4 EOL formulas refreshed, 1 in error, 1 still calculating",
  );
});

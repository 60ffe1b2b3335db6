/**
 * The ribbon / task-pane actions: Refresh all, Clear cache, insert report sheets. Real HTTP to the
 * loopback gateway stand-in, Excel through office-addin-mock (support/excelMock.ts).
 */
import type { FakeWorkbook } from "../../support/addin/excelMock";
import * as EOL from "../../../src/addin/functions/functions";
import { createDataServices, dataServices, installDataServices } from "../../../src/addin/data/services";
import {
  FETCH_WAIT_LIMIT_MS,
  RECALC_SETTLE_MS,
  clearCache,
  insertAccessReviewSheet,
  insertDivisionsSheet,
  insertRoleAuditSheet,
  refreshAll,
} from "../../../src/addin/commands/actions";
import { REVIEW_SETTING } from "../../../src/addin/excel/reviewDate";
import { RIBBON_COMMANDS } from "../../../src/addin/commands/ribbonCommands";
import { signIn, signOut } from "../../../src/addin/commands/signInActions";
import { runCommand } from "../../../src/addin/commands/commands";
import { on, type AddinEvents } from "../../../src/addin/events";
import { TABLE_HEADER_ROW } from "../../../src/addin/excel/writeTableSheet";
import { AS_OF, startStubGateway, type StubGateway } from "../../support/addin/stubGateway";
import { connectTo, connectToStub, freshWorkbook } from "../../support/addin/setup";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";

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
  workbook = freshWorkbook("Sheet1");
  progress = [];
  stopListening = on("progress", (event) => progress.push(event));
});
afterEach(() => stopListening());

// Hosts without ExcelApi 1.12 (no Office requirement stub here): Refresh all falls back to a full
// calculation. With it, the formulas are re-entered: refreshAll.test.ts.
describe("Refresh all (fallback: full calculation)", () => {
  test("clears the gateway's and our cache, then recalculates every formula; the next call fetches again", async () => {
    await EOL.divisions(null, null);
    await EOL.divisions(null, null);
    expect(stub.requests).toHaveLength(1);

    await refreshAll();
    expect(stub.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /api/v1/divisions",
      "DELETE /api/v1/cache",
    ]);
    expect(dataServices().tables.size).toBe(0);
    expect(workbook.ops).toContainEqual({ op: "calculate", type: "Full" });

    await EOL.divisions(null, null);
    expect(stub.requests).toHaveLength(3);
    expect(stub.requests[2].path).toBe("/api/v1/divisions");
  });

  test("recalculates cells in error explicitly where ExcelApi 1.9 exists (but not 1.12)", async () => {
    workbook.sheetsWithErrors.add("Sheet1");
    fakeOfficeHost({
      office: {
        context: {
          requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && v !== "1.12" },
        },
      },
    });
    try {
      await refreshAll();
    } finally {
      resetOfficeHost();
    }
    expect(workbook.ops.filter((op) => op.op.startsWith("calculate"))).toEqual([
      { op: "calculate", type: "Full" },
      { op: "calculateErrors", sheet: "Sheet1" },
    ]);
  });

  test("a fetch that never ends does not keep Refresh all busy beyond its limit", async () => {
    jest.useFakeTimers();
    try {
      // The gateway clears its cache at once but never answers a table request.
      installDataServices(
        createDataServices({
          fetchImpl: async (_input, init) =>
            init?.method === "DELETE" ? new Response(null, { status: 204 }) : new Promise(() => undefined),
        }),
      );
      workbook.onCalculate = () => void EOL.divisions(null, null).catch(() => undefined);
      const refreshing = refreshAll();
      await jest.advanceTimersByTimeAsync(RECALC_SETTLE_MS + FETCH_WAIT_LIMIT_MS - 1000);
      expect(progress.at(-1)?.label).toBe("Fetching fresh data");
      await jest.advanceTimersByTimeAsync(2000);
      await refreshing;
      expect(progress.at(-1)).toMatchObject({ label: "Done", done: 3, total: 3 });
    } finally {
      jest.useRealTimers();
    }
  });

  test("reports progress steps, and completion only after the recalculated formulas' fetches", async () => {
    stub.delayMs = 400;
    let recalculated: Promise<unknown> | null = null;
    workbook.onCalculate = () => {
      recalculated = EOL.divisions(null, null).then(() => progress.push({ ...progress[0], label: "cell" }));
    };
    try {
      await refreshAll();
    } finally {
      stub.delayMs = 20;
    }
    expect(recalculated).not.toBeNull();
    expect(progress.map((event) => [event.label, event.done, event.total])).toEqual([
      ["Clearing cached Exact Online data", 0, 3],
      ["Running every EOL formula again", 1, 3],
      ["Fetching fresh data", 2, 3],
      ["cell", 0, 3],
      ["Done", 3, 3],
    ]);
    expect(progress.every((event) => event.operation === "refresh-all" && event.error === undefined)).toBe(
      true,
    );
  });

  test("when the gateway cache cannot be cleared it still recalculates, and the next fetch bypasses the gateway cache", async () => {
    await EOL.whoAmI(null);
    stub.failures.set("/api/v1/cache", { status: 502, code: "exact_unavailable", message: "Gateway busy." });
    await refreshAll();
    expect(workbook.ops).toContainEqual({ op: "calculate", type: "Full" });
    stub.failures.clear();
    await EOL.whoAmI(null);
    const refetch = stub.requests.filter((request) => request.path === "/api/v1/me");
    expect(refetch.map((request) => request.cacheControl)).toEqual([undefined, "no-cache"]);
  });

  test("signed out: nothing to clear on the gateway, cells are still recalculated (to show Sign in)", async () => {
    await connectTo(stub.baseUrl, null);
    await refreshAll();
    expect(stub.requests).toHaveLength(0);
    expect(workbook.ops).toContainEqual({ op: "calculate", type: "Full" });
  });

  test("answers still in flight when the cache is cleared are not kept", async () => {
    const pending = EOL.divisions(null, null);
    await refreshAll();
    await pending;
    await EOL.divisions(null, null);
    expect(stub.requests.filter((request) => request.path === "/api/v1/divisions")).toHaveLength(2);
  });
});

describe("Clear cache", () => {
  test("empties both caches without recalculating", async () => {
    await EOL.divisions(null, null);
    await clearCache();
    expect(stub.requests.map((request) => request.method)).toEqual(["GET", "DELETE"]);
    expect(dataServices().tables.size).toBe(0);
    expect(workbook.ops.some((op) => op.op === "calculate")).toBe(false);
  });

  test("a gateway failure is reported with the gateway's message and thrown", async () => {
    stub.failures.set("/api/v1/cache", { status: 502, code: "exact_unavailable", message: "Gateway busy." });
    await expect(clearCache()).rejects.toThrow("Gateway busy.");
    expect(progress.at(-1)).toMatchObject({ operation: "clear-cache", error: "Gateway busy." });
  });
});

describe("Insert divisions sheet", () => {
  test("a new uniquely named sheet with the divisions as data, formula-looking texts kept as text", async () => {
    workbook.sheets.set("Divisions", new Map([["0,0", { format: "General", value: "mine", formula: null }]]));
    await insertDivisionsSheet();
    expect(stub.requests[0]).toMatchObject({ path: "/api/v1/divisions", query: { scope: "accessible" } });
    expect(workbook.sheets.get("Divisions")!.get("0,0")!.value).toBe("mine");
    const cell = (row: number, col: number) => workbook.cell("Divisions (2)", row, col)?.value;
    expect(cell(0, 0)).toBe("Data as of 2026-11-21 10:15 UTC");
    expect(cell(TABLE_HEADER_ROW, 0)).toBe("Division");
    expect(cell(TABLE_HEADER_ROW + 1, 0)).toBe(101);
    expect(workbook.cell("Divisions (2)", TABLE_HEADER_ROW + 1, 3)).toEqual({
      format: "@",
      value: '=HYPERLINK("http://evil")',
      formula: null,
    });
    expect(progress.map((event) => event.label)).toEqual([
      "Reading from Exact Online",
      "Writing 2 rows",
      "Done",
    ]);
  });

  test("a gateway error reaches the task pane and no sheet is added", async () => {
    stub.failures.set("/api/v1/divisions", {
      status: 403,
      code: "no_division_access",
      message: "No access to division 101.",
    });
    await expect(insertDivisionsSheet()).rejects.toThrow("No access to division 101.");
    expect(workbook.ops.some((op) => op.op === "addSheet")).toBe(false);
    expect(progress.at(-1)).toMatchObject({
      operation: "insert-divisions",
      error: "No access to division 101.",
    });
  });
});

describe("Insert role audit sheet", () => {
  test("several roles over all divisions: one request, one table", async () => {
    await insertRoleAuditSheet({ roles: [274, 10, 274], divisions: "all" });
    expect(stub.requests.map((request) => request.query)).toEqual([
      { divisions: "all", role: "274,10", activeOnly: "true" },
    ]);
    const sheet = workbook.sheets.get("Role audit")!;
    // 3 holders of 274 + 1 of role 10 under the header
    expect(sheet.get(`${TABLE_HEADER_ROW + 4},0`)).toBeDefined();
    expect(sheet.get(`${TABLE_HEADER_ROW + 5},0`)).toBeUndefined();
  });

  test("no options: every role of all divisions; a list of divisions is passed on", async () => {
    await insertRoleAuditSheet();
    await insertRoleAuditSheet({ divisions: [101, 102], activeOnly: false });
    expect(stub.requests.map((request) => request.query)).toEqual([
      { divisions: "all", activeOnly: "true" },
      { divisions: "101,102", activeOnly: "false" },
    ]);
    expect([...workbook.sheets.keys()]).toEqual(["Sheet1", "Role audit", "Role audit (2)"]);
  });
});

describe("Insert access review sheet", () => {
  let stored: Map<string, unknown>;
  beforeEach(() => {
    stored = new Map();
    fakeOfficeHost({
      office: {
        AsyncResultStatus: { Succeeded: "succeeded" },
        context: {
          document: {
            settings: {
              get: (name: string) => stored.get(name) ?? null,
              set: (name: string, value: unknown) => stored.set(name, value),
              saveAsync: (callback: (result: { status: string }) => void) =>
                callback({ status: "succeeded" }),
            },
          },
        },
      },
    });
  });
  afterEach(() => resetOfficeHost());

  test("first review: the last 90 days; the review date is remembered and the next review starts there", async () => {
    const ninetyDaysAgo = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    await insertAccessReviewSheet();
    const reviews = () => stub.requests.filter((request) => request.path === "/api/v1/access-review");
    expect(reviews().map((request) => request.query)).toEqual([{ divisions: "all", since: ninetyDaysAgo }]);
    expect(stored.get(REVIEW_SETTING)).toBe(AS_OF.slice(0, 10));
    const sheet = "Access review";
    expect(workbook.cell(sheet, 3, 0)?.value).toBe("Reviewer: Ann Admin");
    // Holders of 274 over all divisions: 3 active rows under the header (row 8), "#" first.
    expect(workbook.cell(sheet, 9, 3)?.value).toBe("Ann Admin");
    expect(workbook.cell(sheet, 11, 3)?.value).toBe("Bob Books");
    expect(workbook.cell(sheet, 12, 0)).toBeUndefined();

    await insertAccessReviewSheet({ roles: [10], divisions: [101] });
    expect(reviews()[1].query).toEqual({ divisions: "101", since: AS_OF.slice(0, 10), roles: "10" });
    expect(workbook.cell("Access review (2)", 4, 0)?.value).toBe(
      `Changes since the previous review of this workbook: ${AS_OF.slice(0, 10)}`,
    );
    expect(progress.at(-1)).toMatchObject({ operation: "insert-access-review", done: 3, total: 3 });
  });

  test("a failed review writes no sheet and leaves the remembered date alone", async () => {
    stored.set(REVIEW_SETTING, "2026-10-01");
    stub.failures.set("/api/v1/access-review", {
      status: 502,
      code: "exact_unavailable",
      message: "Exact Online is not reachable right now.",
    });
    await expect(insertAccessReviewSheet()).rejects.toThrow("Exact Online is not reachable right now.");
    expect(workbook.ops.some((op) => op.op === "addSheet")).toBe(false);
    expect(stored.get(REVIEW_SETTING)).toBe("2026-10-01");
    expect(stub.requests.find((r) => r.path === "/api/v1/access-review")?.query.since).toBe("2026-10-01");
  });
});

describe("ribbon", () => {
  test("every button runs the shared action (sign-in ones from the task pane's auth actions)", () => {
    expect(RIBBON_COMMANDS.refreshAll).toBe(refreshAll);
    expect(RIBBON_COMMANDS.clearCache).toBe(clearCache);
    expect(RIBBON_COMMANDS.insertDivisionsSheet).toBe(insertDivisionsSheet);
    expect(typeof RIBBON_COMMANDS.insertRoleAuditSheet).toBe("function");
    expect(typeof RIBBON_COMMANDS.insertAccessReviewSheet).toBe("function");
    expect(RIBBON_COMMANDS.signIn).toBe(signIn);
    expect(RIBBON_COMMANDS.signOut).toBe(signOut);
  });

  test("a failed button opens the task pane (where the reason shows) and always completes", async () => {
    await connectTo(stub.baseUrl, null);
    const showAsTaskpane = jest.fn(async () => undefined);
    fakeOfficeHost({ office: { addin: { showAsTaskpane } } });
    const completed = jest.fn();
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await runCommand("insertDivisionsSheet", { completed });
    } finally {
      consoleError.mockRestore();
      resetOfficeHost();
    }
    expect(showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(workbook.ops.some((op) => op.op === "addSheet")).toBe(false);
  });
});

describe("outside Excel", () => {
  test("the workbook actions say they need Excel instead of failing on a missing Excel global", async () => {
    fakeOfficeHost({ excel: undefined }); // no workbook behind the adapter
    const review = () => insertAccessReviewSheet();
    for (const action of [refreshAll, insertDivisionsSheet, () => insertRoleAuditSheet(), review]) {
      await expect(action()).rejects.toThrow(
        /^Needs Excel: open this task pane from the Exact Online tab in Excel\.$/,
      );
    }
    expect(stub.requests).toHaveLength(0);
  });
});

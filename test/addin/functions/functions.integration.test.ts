/**
 * The EOL functions end to end on the add-in side: real HTTP to a loopback gateway stand-in that
 * implements the /api/v1 contract. Shapes with and without headers, division lists, role filters,
 * dates, booleans, empty values, cell errors from the gateway, and coalescing.
 */
import * as EOL from "../../../src/addin/functions/functions";

/** Excel passes an omitted optional range argument as null. */
const NO_RANGE = null as unknown as unknown[][];
import { dataServices } from "../../../src/addin/data/services";
import { SIGN_IN_CELL_MESSAGE } from "../../../src/shared/rules/signInMessage";
import { on } from "../../../src/addin/events";
import { AS_OF, STUB_TOKEN, startStubGateway, type StubGateway } from "../../support/addin/stubGateway";
import { cellError, connectTo, connectToStub } from "../../support/addin/setup";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";

let stub: StubGateway;

beforeAll(async () => {
  stub = await startStubGateway();
});
afterAll(() => stub.close());
beforeEach(async () => {
  await connectToStub(stub);
});

// 2020-01-01 and 2021-06-15 13:30 as Excel serials.
const JAN_1_2020 = 43831;
const JUN_15_2021_1330 = 44362 + 13.5 / 24;

describe("=EOL.DIVISIONS()", () => {
  test("spills a header row and one row per division, dates as serials, booleans, empty for missing", async () => {
    const cells = await EOL.divisions(null, null);
    expect(cells[0]).toEqual(["Division", "Name", "Main division", "Customer name", "Start date"]);
    expect(cells).toHaveLength(3);
    expect(cells[1]).toEqual([101, "Acme Holding", true, '=HYPERLINK("http://evil")', JAN_1_2020]);
    expect(cells[2][0]).toBe(102);
    expect(cells[2][2]).toBe(false);
    expect(cells[2][3]).toBe("");
    expect(cells[2][4] as number).toBeCloseTo(JUN_15_2021_1330, 8);
    expect(stub.requests[0]).toMatchObject({ path: "/api/v1/divisions", query: { scope: "accessible" } });
    expect(stub.requests[0].authorization).toBe(`Bearer ${STUB_TOKEN}`);
  });

  test("headers FALSE leaves the header row out; scope license asks for the license", async () => {
    const cells = await EOL.divisions(false, "License");
    expect(cells).toHaveLength(3);
    expect(cells[0][0]).toBe(101);
    expect(cells[2][3]).toBe("+31 20 123 4567");
    expect(cells[2][4]).toBe("");
    expect(stub.requests[0].query).toEqual({ scope: "license" });
    // 0 is an empty cell on Windows, so it means "not given": the header row stays.
    expect(await EOL.divisions(0, "license")).toEqual([expect.arrayContaining(["Division"]), ...cells]);
  });

  /** Runs `work` with Office reporting exactly these requirement sets as supported. */
  async function withSets<T>(sets: string[], work: () => Promise<T>): Promise<T> {
    fakeOfficeHost({
      office: {
        context: {
          requirements: { isSetSupported: (set: string, v: string) => sets.includes(`${set} ${v}`) },
        },
      },
    });
    try {
      return await work();
    } finally {
      resetOfficeHost();
    }
  }

  test("dates are formatted Double values where custom functions support CustomFunctionsRuntime 1.4", async () => {
    const cells = await withSets(["CustomFunctionsRuntime 1.4"], () => EOL.divisions(true, null));
    expect(cells[1][4]).toEqual({ type: "Double", basicValue: JAN_1_2020, numberFormat: "yyyy-mm-dd" });
    expect(cells[2][4]).toMatchObject({ type: "Double", numberFormat: "yyyy-mm-dd hh:mm" });
  });

  test("Office 2021/2024 (ExcelApi 1.16 and 1.19, no CustomFunctionsRuntime 1.4): dates are serial numbers", async () => {
    const cells = await withSets(["ExcelApi 1.16", "ExcelApi 1.19", "CustomFunctionsRuntime 1.3"], () =>
      EOL.divisions(true, null),
    );
    expect(cells[1][4]).toBe(JAN_1_2020);
    expect(cells[2][4] as number).toBeCloseTo(JUN_15_2021_1330, 8);
  });
});

describe("=EOL.USERS()", () => {
  test("current division when empty, a given division otherwise, with and without headers", async () => {
    expect(await EOL.users(null, null)).toEqual([
      ["User ID", "Full name"],
      ["u-1", "Ann Admin"],
      ["u-2", "Bob Books"],
    ]);
    expect(stub.requests[0].query).toEqual({});
    expect(await EOL.users("103", false)).toEqual([["u-2", "Bob Books"]]);
    expect(stub.requests[1].query).toEqual({ division: "103" });
  });
});

describe("=EOL.USERROLES()", () => {
  test('divisions "all" with a role filter, active only by default', async () => {
    const cells = await EOL.userRoles([["ALL"]], [[274]], null, null);
    expect(stub.requests[0].query).toEqual({ divisions: "all", role: "274", activeOnly: "true" });
    expect(cells[0]).toEqual([
      "Division",
      "User ID",
      "Full name",
      "Role",
      "Start date",
      "End date",
      "Active today",
    ]);
    expect(cells.slice(1).map((row) => [row[0], row[1]])).toEqual([
      [101, "u-1"],
      [102, "u-1"],
      [103, "u-2"],
    ]);
    expect(cells[1].slice(4)).toEqual([JAN_1_2020, "", true]);
  });

  test("a range of codes (empty cells skipped, duplicates once) and activeOnly FALSE", async () => {
    const cells = await EOL.userRoles([[102], [null], ["102"], [101]], NO_RANGE, false, false);
    expect(stub.requests[0].query).toEqual({ divisions: "102,101", activeOnly: "false" });
    expect(cells).toHaveLength(4);
    expect(cells.find((row) => row[1] === "u-3")?.[6]).toBe(false);
  });

  test("a comma list in one cell", async () => {
    await EOL.userRoles([["101; 103"]], NO_RANGE, true, true);
    expect(stub.requests[0].query).toEqual({ divisions: "101,103", activeOnly: "true" });
  });
});

describe("=EOL.ROLEHOLDERS()", () => {
  test("274 across all divisions: distinct users with their divisions, former holder excluded", async () => {
    const cells = await EOL.roleHolders([[274]], [["all"]], null);
    expect(stub.requests[0].query).toEqual({ roles: "274", divisions: "all" });
    expect(cells).toEqual([
      ["User ID", "Full name", "Divisions"],
      ["u-1", "Ann Admin", "101, 102"],
      ["u-2", "Bob Books", "103"],
    ]);
  });

  test("several roles from a range, the gateway's default scope (all divisions), no headers", async () => {
    const cells = await EOL.roleHolders([[274, 10]], NO_RANGE, false);
    expect(stub.requests[0].query).toEqual({ roles: "274,10" });
    expect(cells).toEqual([
      ["u-1", "Ann Admin", "101"],
      ["u-2", "Bob Books", "101"],
    ]);
  });
});

test('ROLEHOLDERS and USERROLES pass "current" on explicitly', async () => {
  await EOL.roleHolders([[274]], [["Current"]], null);
  await EOL.userRoles([["current"]], NO_RANGE, null, null);
  expect(stub.requests.map((request) => request.query.divisions)).toEqual(["current", "current"]);
});

describe("=EOL.WHOAMI() and =EOL.QUERY()", () => {
  test("WHOAMI spills the signed-in user with the session's country", async () => {
    expect(await EOL.whoAmI(null)).toEqual([
      ["Full name", "Current division", "Country"],
      ["Ann Admin", 101, "nl"],
    ]);
    expect(await EOL.whoAmI(false)).toEqual([["Ann Admin", 101, "nl"]]);
    expect(stub.requests.map((request) => request.path).sort()).toEqual(["/api/v1/me", "/auth/session"]);
  });

  test("QUERY passes resource and options, keeps text codes as text, converts dates", async () => {
    const cells = await EOL.query(
      "crm/Accounts",
      [["Code", "Name", "Modified"]],
      "Name ne 'x'",
      102,
      "Name desc",
      1,
      null,
    );
    expect(stub.requests[0].query).toEqual({
      resource: "crm/Accounts",
      select: "Code,Name,Modified",
      filter: "Name ne 'x'",
      division: "102",
      orderby: "Name desc",
      top: "1",
    });
    expect(cells).toEqual([
      ["Code", "Name", "Modified"],
      ["   1", "First", 45351],
    ]);
  });
});

describe("cell errors", () => {
  test("not signed in → #N/A with the sign-in message, and no request", async () => {
    await connectTo(stub.baseUrl, null);
    expect(await cellError(EOL.divisions(null, null))).toEqual({
      code: "#N/A",
      message: SIGN_IN_CELL_MESSAGE,
    });
    expect(stub.requests).toHaveLength(0);
  });

  test("an unknown or expired session (gateway 401) → #N/A with the sign-in message", async () => {
    await connectTo(stub.baseUrl, "expired-token");
    expect(await cellError(EOL.whoAmI(null))).toEqual({ code: "#N/A", message: SIGN_IN_CELL_MESSAGE });
  });

  test.each([
    [403, "no_division_access", "No access to division 555."],
    [404, "unknown_division", "Division 555 does not exist or is not yours."],
    [
      429,
      "daily_limit_reached",
      "The daily limit of Exact Online for division 555 is spent; it resets at 00:00 UTC.",
    ],
    [502, "exact_unavailable", "Exact Online is unavailable. Try again later."],
  ] as const)("gateway %i %s → #N/A with the gateway's message", async (status, code, message) => {
    stub.failures.set("/api/v1/users", { status, code, message });
    expect(await cellError(EOL.users(555, null))).toEqual({ code: "#N/A", message });
  });

  test("a parameter the gateway rejects → #VALUE! with its message", async () => {
    stub.failures.set("/api/v1/query", {
      status: 400,
      code: "invalid_request",
      message: "resource: unknown resource",
    });
    expect(await cellError(EOL.query("crm/Nothing", [["Name"]], null, null, null, null, null))).toEqual({
      code: "#VALUE!",
      message: "resource: unknown resource",
    });
  });

  test("long gateway messages are cut to 255 characters", async () => {
    stub.failures.set("/api/v1/me", {
      status: 400,
      code: "exact_error",
      message: "Exact says: " + "x".repeat(400),
    });
    const { code, message } = await cellError(EOL.whoAmI(null));
    expect(code).toBe("#N/A");
    expect(message).toHaveLength(255);
    expect(message.startsWith("Exact says: xxx")).toBe(true);
  });

  test("the gateway unreachable → #N/A saying so", async () => {
    await connectTo("http://127.0.0.1:1", STUB_TOKEN);
    expect(await cellError(EOL.divisions(null, null))).toEqual({
      code: "#N/A",
      message: "Cannot reach the EOL gateway. Check your connection and try again.",
    });
  });

  test("failures are not cached: the next call asks again", async () => {
    stub.failures.set("/api/v1/me", {
      status: 502,
      code: "exact_unavailable",
      message: "Exact Online is unavailable.",
    });
    await cellError(EOL.whoAmI(null));
    stub.failures.clear();
    expect((await EOL.whoAmI(null))[1][0]).toBe("Ann Admin");
    expect(stub.requests.filter((request) => request.path === "/api/v1/me")).toHaveLength(2);
  });
});

describe("coalescing", () => {
  test("a fresh fetch tells the task pane once, however many cells wait for it", async () => {
    const refreshed: string[] = [];
    const stop = on("data-refreshed", (event) => refreshed.push(event.asOf));
    try {
      await Promise.all(Array.from({ length: 10 }, () => EOL.divisions(null, null)));
    } finally {
      stop();
    }
    expect(refreshed).toEqual([AS_OF]);
  });

  test("100 cells with the same call make one gateway request", async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, () => EOL.userRoles([["all"]], [[274]], true, true)),
    );
    expect(stub.requests).toHaveLength(1);
    for (const cells of results) expect(cells).toEqual(results[0]);
  });

  test("the same arguments written differently share the call; other arguments do not", async () => {
    await Promise.all([
      EOL.userRoles([[101, 102]], [["274"]], null, null),
      EOL.userRoles([["101,102"]], [[274]], true, false), // headers only shape the spill
      EOL.userRoles([[102, 101]], [[274]], null, null), // another order is another request
      EOL.userRoles([[101, 102]], [[10]], null, null),
    ]);
    expect(stub.requests.map((request) => request.query.divisions + "/" + request.query.role).sort()).toEqual(
      ["101,102/10", "101,102/274", "102,101/274"],
    );
  });

  test("a finished answer is reused within the short cache time, as of the gateway's time", async () => {
    await EOL.divisions(null, null);
    await EOL.divisions(true, "accessible");
    expect(stub.requests).toHaveLength(1);
    expect((await dataServices().tables.get("divisions", { scope: "accessible" })).asOf).toBe(AS_OF);
  });
});

/**
 * The EOL functions and Refresh all against the real gateway (through inject) and the Exact simulator
 * (over loopback HTTP), signed in through the real sign-in flow, on a virtual clock.
 */
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator, type RunningSimulator } from "../../../src/simulator";
import * as EOL from "../../../src/addin/functions/functions";
import { createDataServices, dataServices, installDataServices } from "../../../src/addin/data/services";
import { SIGN_IN_CELL_MESSAGE } from "../../../src/shared/rules/signInMessage";
import { insertDivisionsSheet, refreshAll } from "../../../src/addin/commands/actions";
import { TABLE_HEADER_ROW } from "../../../src/addin/excel/writeTableSheet";
import { setSessionToken } from "../../../src/addin/session/tokenStore";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { FakeWorkbook, installExcel } from "../../support/addin/excelMock";
import { cellError } from "../../support/addin/setup";

let sim: RunningSimulator;
let gateway: TestGateway;
let sessionToken: string;
const gatewayCalls: string[] = [];

beforeAll(async () => {
  const clock = new VirtualClock();
  sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1 });
  gateway = await buildTestGateway({ EOL_EXACT_BASE_URL: sim.url }, { clock, simulator: sim });
  ({ sessionToken } = await signInTestUser(gateway));
  const services = createDataServices({
    baseUrl: gateway.url,
    fetchImpl: (input, init) => {
      gatewayCalls.push(`${init?.method ?? "GET"} ${new URL(String(input)).pathname}`);
      return gateway.fetch(input, init);
    },
  });
  installDataServices(services);
});
afterAll(async () => {
  await gateway?.close();
  await sim?.close();
});
beforeEach(async () => {
  await setSessionToken(sessionToken);
  dataServices().tables.clear();
  gatewayCalls.length = 0;
});

/** Reference "today" of the data set, and the users holding a role on it. */
function holdersToday(role: number, divisions: number[]): Set<string> {
  const today = sim.data.referenceTime;
  return new Set(
    sim.data.roles
      .filter(
        (row) =>
          row.role === role &&
          divisions.includes(row.division) &&
          (row.startDate === null || row.startDate <= today) &&
          (row.endDate === null || row.endDate >= today),
      )
      .map((row) => row.userId.toLowerCase()),
  );
}

test("DIVISIONS: a header row, then one row per accessible division; FALSE drops the header", async () => {
  const withHeaders = await EOL.divisions(null, null);
  const header = withHeaders[0] as string[];
  expect(header).toContain("Division");
  const codeColumn = header.indexOf("Division");
  const codes = withHeaders.slice(1).map((row) => row[codeColumn]);
  expect(codes.length).toBeGreaterThan(0);
  for (const code of codes) expect(typeof code).toBe("number");
  const withoutHeaders = await EOL.divisions(false, null);
  expect(withoutHeaders).toEqual(withHeaders.slice(1));
  expect(gatewayCalls).toEqual(["GET /api/v1/divisions"]);
});

test('ROLEHOLDERS(274, "all"): exactly the users holding role 274 today', async () => {
  const cells = await EOL.roleHolders([[274]], [["all"]], null);
  const header = cells[0] as string[];
  const idColumn = header.indexOf("User ID");
  expect(idColumn).toBeGreaterThanOrEqual(0);
  const expected = holdersToday(
    274,
    sim.data.divisions.map((division) => division.code),
  );
  expect(expected.size).toBeGreaterThan(0);
  expect(new Set(cells.slice(1).map((row) => String(row[idColumn]).toLowerCase()))).toEqual(expected);
});

test("ROLEHOLDERS(274) without divisions covers every division, also for a user whose current division has no holders", async () => {
  // Sanne's current division in Exact is not the one where the subscription managers hold role 274.
  const sanne = sim.data.users.find((user) => user.fullName === "Sanne de Vries")!;
  const holderDivisions = sim.data.roles.filter((row) => row.role === 274).map((row) => row.division);
  expect(holderDivisions).not.toContain(sanne.currentDivision);
  const signedIn = await signInTestUser(gateway, { userId: sanne.userId });
  await setSessionToken(signedIn.sessionToken);
  const ids = (cells: unknown[][]) => cells.slice(1).map((row) => String(row[0]).toLowerCase());
  const implicit = await EOL.roleHolders([[274]], undefined, null);
  const current = await EOL.roleHolders([[274]], [["current"]], null);
  expect(ids(current)).toEqual([]);
  expect(new Set(ids(implicit))).toEqual(holdersToday(274, sanne.divisions));
  expect(ids(implicit).length).toBeGreaterThan(0);
});

test("USERROLES with a role filter only lists that role; dates are Excel serials", async () => {
  const cells = await EOL.userRoles([["all"]], [[274]], true, true);
  const header = cells[0] as string[];
  const roleColumn = header.indexOf("Role");
  expect(roleColumn).toBeGreaterThanOrEqual(0);
  expect(cells.length).toBeGreaterThan(1);
  for (const row of cells.slice(1)) expect(row[roleColumn]).toBe(274);
  const startColumn = header.indexOf("Start date");
  const starts = cells.slice(1).map((row) => row[startColumn]);
  for (const start of starts) if (start !== "") expect(typeof start).toBe("number");
});

test("WHOAMI names the signed-in user", async () => {
  const primary = sim.data.users.find((user) => user.userId === sim.data.primaryUserId)!;
  const cells = await EOL.whoAmI(false);
  expect(cells).toHaveLength(1);
  expect(cells[0]).toContain(primary.fullName);
  const withHeaders = await EOL.whoAmI(true);
  const country = (withHeaders[0] as string[]).indexOf("Country");
  expect(withHeaders[1][country]).toBe("demo");
  const current = (withHeaders[0] as string[]).indexOf("Current division");
  expect(withHeaders[1][current]).toBe(primary.currentDivision);
});

test("100 cells with the same call → 1 gateway call", async () => {
  const results = await Promise.all(
    Array.from({ length: 100 }, () => EOL.userRoles([["all"]], [[274]], null, null)),
  );
  expect(gatewayCalls).toEqual(["GET /api/v1/user-roles"]);
  for (const cells of results) expect(cells).toEqual(results[0]);
});

test("an unknown division → #N/A with the gateway's message; a rejected resource → #VALUE!", async () => {
  const unknown = await cellError(EOL.users(999_999_999, null));
  expect(unknown.code).toBe("#N/A");
  expect(unknown.message.length).toBeGreaterThan(5);
  expect(unknown.message.length).toBeLessThanOrEqual(255);
  expect(unknown.message).toMatch(/999999999/);
  const rejected = await cellError(
    EOL.query("crm/Accounts", [["Name"]], "Name eq 'x' or (", null, null, null, null),
  );
  expect(["#VALUE!", "#N/A"]).toContain(rejected.code);
  expect(rejected.message).not.toBe("");
});

test("a session the gateway does not know → #N/A asking to sign in", async () => {
  await setSessionToken("not-a-real-session-token-000000000000");
  expect(await cellError(EOL.whoAmI(null))).toEqual({ code: "#N/A", message: SIGN_IN_CELL_MESSAGE });
});

test("Insert divisions sheet: the demo's formula-looking names stay text", async () => {
  const workbook = new FakeWorkbook();
  workbook.sheets.set("Divisions", new Map());
  installExcel(workbook);
  await insertDivisionsSheet();
  const sheet = workbook.sheets.get("Divisions (2)")!;
  const names = [...sheet.entries()]
    .filter(([key]) => key.endsWith(",1") && Number(key.split(",")[0]) > TABLE_HEADER_ROW)
    .map(([, cell]) => cell);
  const tricky = names.filter((cell) => /^[=+\-@]/.test(String(cell.value)));
  expect(tricky.length).toBeGreaterThan(0);
  for (const cell of tricky) expect(cell).toMatchObject({ format: "@", formula: null });
  expect(sheet.get(`${TABLE_HEADER_ROW + 1},0`)!.value).toEqual(expect.any(Number));
});

test("Refresh all clears the gateway cache for this user and recalculates", async () => {
  const workbook = new FakeWorkbook();
  workbook.sheets.set("Sheet1", new Map());
  installExcel(workbook);
  await EOL.divisions(null, null);
  const cachedAgain = await dataServices().tables.get("divisions", { scope: "license" });
  expect(cachedAgain.columns.length).toBeGreaterThan(0);
  await refreshAll();
  expect(gatewayCalls).toContain("DELETE /api/v1/cache");
  expect(workbook.ops).toContainEqual({ op: "calculate", type: "Full" });
  const fresh = await dataServices().tables.get("divisions", { scope: "accessible" });
  expect(fresh.cached).toBe(false);
});

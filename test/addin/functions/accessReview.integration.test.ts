/**
 * =EOL.ROLES, =EOL.ROLECHANGES and =EOL.ACCESSISSUES against the real gateway and the simulator (demo
 * data set, virtual clock): rows worked out from the data set, Excel dates in and out, and the argument
 * errors a cell shows before anything is sent.
 */
import * as EOL from "../../../src/addin/functions/functions";
import { dataServices } from "../../../src/addin/data/services";
import { isoToExcelSerial } from "../../../src/shared/excelDates";
import { VirtualClock } from "../../../src/shared/clock";
import {
  defaultGrant,
  startSimulator,
  type RunningSimulator,
  type SimUserRole,
} from "../../../src/simulator";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { cellError, connectTo } from "../../support/addin/setup";

const DAY = 86_400_000;
let clock: VirtualClock;
let sim: RunningSimulator;
let gateway: TestGateway;
let token: string;
/** What "all accessible divisions" covers: granted and not blocked. */
let readable: number[];

beforeAll(async () => {
  clock = new VirtualClock();
  sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1 });
  gateway = await buildTestGateway({ EOL_EXACT_BASE_URL: sim.url }, { clock, simulator: sim });
  ({ sessionToken: token } = await signInTestUser(gateway));
  const blocked = new Set(sim.data.divisions.filter((d) => d.blockingStatus !== 0).map((d) => d.code));
  readable = defaultGrant(sim.data, sim.data.primaryUserId).filter((code) => !blocked.has(code));
});
afterAll(async () => {
  await gateway?.close();
  await sim?.close();
});
beforeEach(async () => {
  await connectTo(gateway.url, token, gateway.fetch);
  dataServices().tables.clear();
});

const today = () => Math.floor(clock.now() / DAY) * DAY;
const heldToday = (row: SimUserRole) =>
  (row.startDate === null || row.startDate <= clock.now()) &&
  (row.endDate === null || row.endDate >= today());
const serial = (time: number) => isoToExcelSerial(new Date(time).toISOString())!;
const column = (cells: unknown[][], name: string) => (cells[0] as string[]).indexOf(name);

test("ROLES(): one row per role in every accessible division, with today's holders", async () => {
  const cells = await EOL.roles(undefined, undefined);
  const rows = sim.data.roles.filter((row) => readable.includes(row.division));
  const roles = [...new Set(rows.map((row) => row.role))].sort((a, b) => a - b);
  expect(cells.slice(1).map((row) => row[column(cells, "Role")])).toEqual(roles);
  for (const row of cells.slice(1)) {
    const held = rows.filter((candidate) => candidate.role === row[0] && heldToday(candidate));
    expect(row[column(cells, "Active holders")]).toBe(new Set(held.map((r) => r.userId)).size);
  }
  const manage = cells.find((row) => row[0] === 274)!;
  expect(manage[column(cells, "Role description")]).toBe("Abonnement beheren");
  // FALSE leaves out the header; one division narrows the scope.
  const one = await EOL.roles([[readable[1]]], false);
  const inOne = new Set(sim.data.roles.filter((row) => row.division === readable[1]).map((row) => row.role));
  expect(one.map((row) => row[0]).sort()).toEqual([...inOne].sort());
});

test("ROLECHANGES(since): granted, starting, ended and ending rows, dates as Excel serials, newest first", async () => {
  const since = today() - 90 * DAY;
  const cells = await EOL.roleChanges(serial(since), undefined, undefined, undefined);
  const rows = sim.data.roles.filter((row) => readable.includes(row.division));
  const grants = rows.filter(
    (row) => (row.startDate !== null && row.startDate >= since) || row.created >= since,
  );
  // A grant whose start is still to come is listed as such, not as held.
  const isLater = (row: (typeof rows)[number]) => row.startDate !== null && row.startDate > clock.now();
  const granted = grants.filter((row) => !isLater(row));
  const starting = grants.filter(isLater);
  const ended = rows.filter((row) => row.endDate !== null && row.endDate >= since && row.endDate < today());
  const ending = rows.filter(
    (row) => row.endDate !== null && row.endDate >= today() && row.endDate <= today() + 30 * DAY,
  );
  const change = column(cells, "Change");
  const count = (kind: string) => cells.slice(1).filter((row) => row[change] === kind).length;
  expect([count("Granted"), count("Starting"), count("Ended"), count("Ending")]).toEqual([
    granted.length,
    starting.length,
    ended.length,
    ending.length,
  ]);
  expect(granted.length * starting.length * ended.length * ending.length).toBeGreaterThan(0);
  const dates = cells.slice(1).map((row) => row[column(cells, "Date")] as number);
  for (const date of dates) expect(typeof date).toBe("number");
  expect(dates).toEqual([...dates].sort((a, b) => b - a));
  // "since" as a text, and a role filter named "roles".
  const onlyFiftyOne = await EOL.roleChanges(
    new Date(since).toISOString().slice(0, 10),
    [["all"]],
    [[51]],
    false,
  );
  const sanne = sim.data.users.find((user) => user.fullName === "Sanne de Vries")!;
  expect(onlyFiftyOne).toEqual([
    expect.arrayContaining(["Granted", sanne.userId, "Sanne de Vries", 51, "Jan van Dijk"]),
  ]);
});

const TWO_STEP_FINDINGS = [
  "Holds roles without two-step verification",
  "Two-step required but not registered",
];

test("ACCESSISSUES(): ended logins, never logged in, inactive for 90 (or N) days", async () => {
  for (const inactiveDays of [undefined, 30]) {
    const all = await EOL.accessIssues(undefined, inactiveDays, false);
    const cells = all.filter((row) => !TWO_STEP_FINDINGS.includes(row[0] as string));
    const limit = clock.now() - (inactiveDays ?? 90) * DAY;
    const holders = new Set(
      sim.data.roles.filter((row) => readable.includes(row.division) && heldToday(row)).map((r) => r.userId),
    );
    const expected = sim.data.users.filter(
      (user) =>
        holders.has(user.userId) &&
        ((user.endDate !== null && user.endDate < clock.now()) ||
          user.lastLogin === null ||
          user.lastLogin < limit),
    );
    expect(cells.map((row) => row[1]).sort()).toEqual(expected.map((user) => user.userId).sort());
    const twoStep = all.filter((row) => TWO_STEP_FINDINGS.includes(row[0] as string));
    const expectedTwoStep = sim.data.users.filter(
      (user) =>
        holders.has(user.userId) &&
        !(user.endDate !== null && user.endDate < clock.now()) &&
        !(user.twoStepRequired && user.twoStepRegistered),
    );
    expect(twoStep.map((row) => row[1]).sort()).toEqual(expectedTwoStep.map((user) => user.userId).sort());
  }
  const cells = await EOL.accessIssues(undefined, undefined, true);
  expect(cells[0]).toEqual([
    "Finding",
    "User ID",
    "Full name",
    "User name",
    "Last login",
    "Login end date",
    "Roles",
    "Divisions",
  ]);
  expect(cells[1].slice(0, 3)).toEqual([
    "Login ended, roles still active",
    expect.any(String),
    "Lars Dekker",
  ]);
});

test("bad arguments: #VALUE! naming the argument, nothing sent", async () => {
  sim.log.reset();
  const cases: Array<[Promise<unknown>, string]> = [
    [EOL.roleChanges(undefined, undefined, undefined, undefined), "since"],
    [EOL.roleChanges("last week", undefined, undefined, undefined), "since"],
    [EOL.roleChanges("2026-02-30", undefined, undefined, undefined), "since"],
    [EOL.roleChanges(46000, undefined, [["x"]], undefined), "roles"],
    [EOL.roleChanges(46000, [["abc"]], undefined, undefined), "divisions"],
    [EOL.accessIssues(undefined, -5, undefined), "inactiveDays"],
    [EOL.accessIssues(undefined, 99999, undefined), "inactiveDays"],
    [EOL.accessIssues(undefined, "soon", undefined), "inactiveDays"],
    [EOL.roles(undefined, "maybe"), "headers"],
  ];
  for (const [call, argument] of cases) {
    const error = await cellError(call);
    expect({ argument, code: error.code }).toEqual({ argument, code: "#VALUE!" });
    expect(error.message).toContain(argument);
  }
  expect(sim.log.count({ kind: "api" })).toBe(0);
});

test("SODCONFLICTS(rules): conflicts under the example rule; a bad rule row is #VALUE! naming the row", async () => {
  const cells = await EOL.sodConflicts(
    [
      ["Role A", "Role B", "Rule"],
      [11, 21, "Enter and approve"],
      [null, null, null],
    ],
    undefined,
    true,
  );
  expect(cells[0]).toEqual([
    "Rule",
    "User ID",
    "Full name",
    "User name",
    "Division",
    "Role A",
    "Role A description",
    "Role B",
    "Role B description",
    "Since",
  ]);
  const pairs = new Set<string>();
  const held = (role: number) =>
    sim.data.roles.filter((row) => row.role === role && readable.includes(row.division) && heldToday(row));
  const withB = new Set(held(21).map((row) => `${row.userId} ${row.division}`));
  for (const row of held(11))
    if (withB.has(`${row.userId} ${row.division}`)) pairs.add(`${row.userId} ${row.division}`);
  expect(
    cells
      .slice(1)
      .map((row) => `${row[1]} ${row[4]}`)
      .sort(),
  ).toEqual([...pairs].sort());
  expect(pairs.size).toBeGreaterThan(1);
  expect(
    await cellError(
      EOL.sodConflicts([
        [11, 21],
        [31, "x"],
      ]),
    ),
  ).toEqual({
    code: "#VALUE!",
    message: 'rules: row 2: role B "x" is not a role number',
  });
});

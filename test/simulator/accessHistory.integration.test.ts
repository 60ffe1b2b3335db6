/**
 * What an access review needs from the data sets — grants with creators, recent grants and ends, ends
 * within 30 days, ended logins that keep roles, inactive and never-logged-in users — relative to the
 * data's day, and served with Exact's field names and types.
 */
import { generateDataset, isRoleActive, type SimDataset, type SimUserRole } from "../../src/simulator";
import {
  api,
  signIn,
  startTestSimulator,
  type ODataPage,
  type TestSim,
  type Tokens,
} from "../support/simulator";

const DAY = 86_400_000;
/** Two different days: the facts hold whenever the data set is generated. */
const DAYS = [Date.UTC(2026, 10, 23), Date.UTC(2028, 2, 1)];

function userIds(rows: SimUserRole[]): Set<string> {
  return new Set(rows.map((row) => row.userId));
}

function facts(data: SimDataset) {
  const today = data.referenceTime;
  const since = today - 90 * DAY;
  const active = data.roles.filter((row) => isRoleActive(row, today));
  const withActiveRoles = userIds(active);
  const holders = data.users.filter((user) => withActiveRoles.has(user.userId));
  return {
    today,
    grantedRecently: data.roles.filter(
      (row) => (row.startDate !== null && row.startDate >= since) || row.created >= since,
    ),
    endedRecently: data.roles.filter(
      (row) => row.endDate !== null && row.endDate >= since && row.endDate < today,
    ),
    endingSoon: data.roles.filter(
      (row) => row.endDate !== null && row.endDate >= today && row.endDate <= today + 30 * DAY,
    ),
    loginEnded: holders.filter((user) => user.endDate !== null && user.endDate < today),
    neverLoggedIn: holders.filter((user) => user.lastLogin === null),
    inactive: holders.filter((user) => user.lastLogin !== null && user.lastLogin < since),
  };
}

describe.each(["demo", "accountant-large"] as const)("%s access history", (name) => {
  it.each(DAYS)("has recent grants and ends, ends within 30 days and users to act on (day %p)", (day) => {
    const data = generateDataset(name, 1, day);
    const found = facts(data);
    expect(found.today).toBe(day);
    expect(found.grantedRecently.length).toBeGreaterThanOrEqual(3);
    expect(found.endedRecently.length).toBeGreaterThanOrEqual(2);
    expect(found.endingSoon.length).toBeGreaterThanOrEqual(2);
    expect(found.loginEnded.length).toBeGreaterThanOrEqual(1);
    expect(found.neverLoggedIn.length).toBeGreaterThanOrEqual(1);
    expect(found.inactive.length).toBeGreaterThanOrEqual(2);
    // A grant whose start lies before its creation (backdated) or after today (scheduled) is there too.
    if (name === "demo") {
      expect(found.grantedRecently.some((row) => row.startDate !== null && row.startDate < row.created)).toBe(
        true,
      );
      expect(found.grantedRecently.some((row) => row.startDate !== null && row.startDate > day)).toBe(true);
    }
  });

  it("records who granted and who last changed every row, never the holder, never after today", () => {
    const data = generateDataset(name, 1, DAYS[0]);
    const users = new Map(data.users.map((user) => [user.userId, user]));
    const wrong = data.roles.filter(
      (row) =>
        !users.has(row.createdBy) ||
        !users.has(row.modifiedBy) ||
        row.createdBy === row.userId ||
        row.modified < row.created ||
        row.modified > data.referenceTime,
    );
    expect(wrong).toEqual([]);
    // Ended rows were changed after they were granted, by a named administrator.
    expect(facts(data).endedRecently.every((row) => row.modified > row.created)).toBe(true);
  });

  it("never has a last login after today or after the login ended", () => {
    const data = generateDataset(name, 1, DAYS[0]);
    for (const user of data.users) {
      if (user.lastLogin === null) continue;
      expect(user.lastLogin).toBeLessThan(data.referenceTime);
      if (user.endDate !== null) expect(user.lastLogin).toBeLessThanOrEqual(user.endDate);
    }
  });
});

describe("served with Exact's names and types", () => {
  let t: TestSim;
  let tokens: Tokens;
  beforeAll(async () => {
    t = await startTestSimulator();
    tokens = await signIn(t.sim);
  });
  afterAll(() => t.sim.close());

  async function results(path: string): Promise<Array<Record<string, unknown>>> {
    const response = await api(t.sim, tokens.access_token, path);
    expect(response.status).toBe(200);
    return ((await response.json()) as ODataPage).d.results;
  }
  const date = (ms: number | null) => (ms === null ? null : `/Date(${ms})/`);

  it("the data set is that of the simulator's day", () => {
    expect(t.sim.data.referenceTime).toBe(Math.floor(t.clock.now() / DAY) * DAY);
  });

  it("users/UserRolesPerDivision: Created, CreatorFullName, Modified, ModifierFullName of each row", async () => {
    const data = t.sim.data;
    const names = new Map(data.users.map((user) => [user.userId, user.fullName]));
    const main = data.divisions[0].code;
    const rows = await results(
      `/api/v1/${main}/users/UserRolesPerDivision?$select=ID,Created,Creator,CreatorFullName,Modified,Modifier,ModifierFullName,StartDate,EndDate`,
    );
    const expected = data.roles.filter((row) => row.division === main);
    expect(rows).toHaveLength(expected.length);
    for (const row of expected) {
      const served = rows.find((candidate) => candidate.ID === row.id)!;
      expect(served).toMatchObject({
        Created: date(row.created),
        Creator: row.createdBy,
        CreatorFullName: names.get(row.createdBy),
        Modified: date(row.modified),
        Modifier: row.modifiedBy,
        ModifierFullName: names.get(row.modifiedBy),
        StartDate: date(row.startDate),
        EndDate: date(row.endDate),
      });
    }
  });

  it("system/Users: EndDate and LastLogin as dates or null", async () => {
    const rows = await results("/api/v1/system/Users?$select=UserID,EndDate,LastLogin");
    for (const user of t.sim.data.users) {
      expect(rows.find((row) => row.UserID === user.userId)).toMatchObject({
        EndDate: date(user.endDate),
        LastLogin: date(user.lastLogin),
      });
    }
    expect(rows.some((row) => row.LastLogin === null)).toBe(true);
    expect(rows.some((row) => row.EndDate !== null)).toBe(true);
  });

  it("$filter on Created works as on Exact (datetime literals)", async () => {
    const data = t.sim.data;
    const main = data.divisions[0].code;
    const since = new Date(data.referenceTime - 90 * DAY).toISOString().slice(0, 19);
    const rows = await results(
      `/api/v1/${main}/users/UserRolesPerDivision?$select=ID&$filter=Created ge datetime'${since}'`,
    );
    const expected = data.roles
      .filter((row) => row.division === main && row.created >= data.referenceTime - 90 * DAY)
      .map((row) => row.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.ID).sort()).toEqual(expected);
  });
});

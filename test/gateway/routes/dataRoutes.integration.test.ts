/**
 * Every data route through the real gateway (inject) and the simulator (HTTP), on a virtual clock
 * (demo data set).
 */
import { VirtualClock } from "../../../src/shared/clock";
import type { StatusResponse } from "../../../src/shared/api";
import { startSimulator, defaultGrant, type RunningSimulator, type SimDataset } from "../../../src/simulator";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { callApi, records } from "../../support/api/callApi";
import { DEFAULT_SHARING } from "../../../src/gateway/config/sharing";

const DAY = 86_400_000;

/** Holders of `role` today per the issue: started, end date empty or today or later; in `divisions`. */
function expectedHolders(data: SimDataset, role: number, now: number, divisions: number[]): string[] {
  const startOfToday = Math.floor(now / DAY) * DAY;
  const holders = data.roles.filter(
    (row) =>
      row.role === role &&
      divisions.includes(row.division) &&
      (row.startDate === null || row.startDate <= now) &&
      (row.endDate === null || row.endDate >= startOfToday),
  );
  return [...new Set(holders.map((row) => row.userId))].sort();
}

describe("data routes (demo data set)", () => {
  let clock: VirtualClock;
  let sim: RunningSimulator;
  let gateway: TestGateway;
  let token: string;
  let granted: number[];
  /** Granted and not blocked: what "all" covers. */
  let readable: number[];
  let current: number;

  beforeAll(async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true });
    gateway = await buildTestGateway({}, { clock, simulator: sim });
    const signedIn = await signInTestUser(gateway);
    token = signedIn.sessionToken;
    current = signedIn.session.currentDivision!;
    granted = defaultGrant(sim.data, sim.data.primaryUserId).sort((a, b) => a - b);
    const blocked = new Set(sim.data.divisions.filter((d) => d.blockingStatus !== 0).map((d) => d.code));
    readable = granted.filter((code) => !blocked.has(code));
    expect(readable.length).toBeLessThan(granted.length); // the data set has a blocked division
  });
  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  const get = (path: string, options: { noCache?: boolean; as?: string } = {}) =>
    callApi(gateway, options.as ?? token, path, { noCache: options.noCache });

  it("refuses calls without a session", async () => {
    const answer = await callApi(gateway, null, "/api/v1/divisions");
    expect(answer.status).toBe(401);
    expect(answer.body.error?.code).toBe("not_signed_in");
  });

  it("me: the signed-in user", async () => {
    const { status, body } = await get("/api/v1/me");
    expect(status).toBe(200);
    const user = sim.data.users.find((candidate) => candidate.userId === sim.data.primaryUserId)!;
    expect(records(body)).toEqual([
      expect.objectContaining({
        "User ID": user.userId,
        "Full name": user.fullName,
        "User name": user.userName,
      }),
    ]);
    expect(body.divisionSource).toBe("none");
  });

  it("divisions: accessible by default, license-wide on request, documented columns", async () => {
    const { status, body } = await get("/api/v1/divisions");
    expect(status).toBe(200);
    expect(body.columns.map((column) => column.name)).toEqual([
      "Division",
      "Name",
      "HID",
      "Country",
      "Currency",
      "Status",
      "Main division",
      "Customer name",
      "Blocking status",
      "Start date",
    ]);
    const rows = records(body);
    expect(rows.map((row) => row.Division)).toEqual(granted);
    expect(body.divisions).toEqual(granted);
    for (const row of rows) {
      const division = sim.data.divisions.find((candidate) => candidate.code === row.Division)!;
      expect(row.Name).toBe(division.description);
      expect(row.Status).toBe(["Inactive", "Active", "Archived"][division.status]);
      expect(row["Main division"]).toBe(division.isMainDivision);
      expect(row["Start date"]).toBe(
        division.startDate === null ? null : new Date(division.startDate).toISOString(),
      );
    }
    const license = await get("/api/v1/divisions?scope=license");
    expect(license.status).toBe(200);
    expect(license.body.rows.length).toBeGreaterThan(0);
    expect((await get("/api/v1/divisions?scope=everything")).body.error?.message).toMatch(/"scope"/);
  });

  it("users: the current division by default (and says so), explicit lists, all", async () => {
    const byDefault = await get("/api/v1/users");
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.divisionSource).toBe("current");
    expect(byDefault.body.divisions).toEqual([current]);
    const expected = sim.data.users
      .filter((user) => user.divisions.includes(current))
      .map((user) => user.userId);
    expect(
      records(byDefault.body)
        .map((row) => row["User ID"])
        .sort(),
    ).toEqual(expected.sort());

    const two = readable.slice(0, 2);
    const explicit = await get(`/api/v1/users?division=${two.join(",")}`);
    expect(explicit.body.divisionSource).toBe("explicit");
    expect(new Set(records(explicit.body).map((row) => row.Division))).toEqual(new Set(two));

    const all = await get("/api/v1/users?division=all");
    expect(all.body.divisionSource).toBe("all");
    expect(all.body.divisions).toEqual(readable);
    const blocked = granted.find((code) => !readable.includes(code))!;
    const refused = await get(`/api/v1/users?division=${blocked}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe(
      `Division ${blocked} is blocked in Exact Online (backup, conversion or deletion in progress).`,
    );
  });

  it("every route reads a division's one role listing: role filters, all roles and the review share it", async () => {
    await callApi(gateway, token, "/api/v1/cache", { method: "DELETE" });
    const other = sim.data.roles.find((row) => row.role !== 274 && readable.includes(row.division))!.role;
    const scope = readable.join(",");
    sim.log.reset();
    const holders = await get(`/api/v1/role-holders?roles=274&divisions=${scope}`);
    const otherRole = await get(`/api/v1/user-roles?divisions=${scope}&role=${other}&activeOnly=false`);
    const allRoles = await get(`/api/v1/user-roles?divisions=${scope}&activeOnly=false`);
    const review = await get(`/api/v1/access-review?divisions=${scope}`);
    expect([holders, otherRole, allRoles, review].map((answer) => answer.status)).toEqual([
      200, 200, 200, 200,
    ]);
    expect(sim.log.count({ endpoint: "users/UserRolesPerDivision" })).toBe(readable.length);
    // The role filter is still exact, kept by the gateway.
    const expected = sim.data.roles.filter((row) => row.role === other && readable.includes(row.division));
    expect(records(otherRole.body)).toHaveLength(expected.length);
    expect(records(otherRole.body).every((row) => row.Role === other)).toBe(true);
    expect(records(allRoles.body).length).toBeGreaterThan(expected.length);
  });

  it("user-roles: joined with users, only the asked role, active today", async () => {
    await callApi(gateway, token, "/api/v1/cache", { method: "DELETE" });
    sim.log.reset();
    const { status, body } = await get(
      `/api/v1/user-roles?divisions=${readable.join(",")}&role=274&activeOnly=false`,
    );
    expect(status).toBe(200);
    const rows = records(body);
    const expected = sim.data.roles.filter((row) => row.role === 274 && readable.includes(row.division));
    expect(rows).toHaveLength(expected.length);
    for (const row of rows) {
      const user = sim.data.users.find((candidate) => candidate.userId === row["User ID"]);
      expect(row.Role).toBe(274);
      expect(row["Full name"]).toBe(user?.fullName ?? null);
      expect(typeof row["Active today"]).toBe("boolean");
    }
    // One role call per division (its whole listing, 274 kept here); the names come from one license-wide
    // system/Users listing, so no division needs its own users/Users call.
    expect(sim.log.count({ endpoint: "users/UserRolesPerDivision" })).toBe(readable.length);
    expect(sim.log.count({ endpoint: "system/Users" })).toBe(1);
    expect(sim.log.count({ endpoint: "users/Users" })).toBe(0);
    // The default follows =EOL.USERROLES: roles active today only, the same as activeOnly=true.
    const active = await get(`/api/v1/user-roles?divisions=${readable.join(",")}&role=274`);
    expect(records(active.body).every((row) => row["Active today"] === true)).toBe(true);
    expect(active.body.rows.length).toBeLessThan(rows.length); // the ended role row is left out
    const explicit = await get(`/api/v1/user-roles?divisions=${readable.join(",")}&role=274&activeOnly=true`);
    expect(explicit.body.rows).toEqual(active.body.rows);
  });

  it("role-holders 274: exactly the users holding it today, not the one whose role ended", async () => {
    const { status, body } = await get("/api/v1/role-holders?roles=274&divisions=all");
    expect(status).toBe(200);
    const holders = records(body);
    const expected = expectedHolders(sim.data, 274, clock.now(), readable);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(holders.map((row) => row["User ID"]).sort()).toEqual(expected);
    const ended = sim.data.roles.filter(
      (row) => row.role === 274 && row.endDate !== null && row.endDate < clock.now(),
    );
    const endedOnly = [...new Set(ended.map((row) => row.userId))].filter(
      (userId) => !expected.includes(userId),
    );
    expect(endedOnly.length).toBeGreaterThan(0); // the demo's user whose 274 ended
    for (const userId of endedOnly) expect(holders.map((holder) => holder["User ID"])).not.toContain(userId);
    expect(body.columns.map((column) => column.name)).toEqual([
      "User ID",
      "Full name",
      "User name",
      "Email",
      "Roles",
      "Divisions",
    ]);
    expect(holders.every((row) => String(row.Roles) === "274")).toBe(true);
  });

  it('role-holders without divisions covers every accessible division; "current" stays explicit', async () => {
    const implicit = await get("/api/v1/role-holders?roles=274");
    expect(implicit.status).toBe(200);
    expect(implicit.body.divisionSource).toBe("all");
    const all = await get("/api/v1/role-holders?roles=274&divisions=all");
    expect(implicit.body.divisions).toEqual(all.body.divisions);
    expect(implicit.body.rows).toEqual(all.body.rows);
    const explicitCurrent = await get("/api/v1/role-holders?roles=274&divisions=current");
    expect(explicitCurrent.body.divisionSource).toBe("current");
    expect(explicitCurrent.body.divisions).toEqual([current]);
    // user-roles keeps the current division as its default, and says so.
    const roles = await get("/api/v1/user-roles?role=274");
    expect(roles.body.divisionSource).toBe("current");
    expect(roles.body.divisions).toEqual([current]);
  });

  it("query: any read-only resource with select/filter/orderby/top", async () => {
    const { status, body } = await get(
      `/api/v1/query?resource=users/Users&select=UserID,FullName&filter=${encodeURIComponent("FullName ne 'x'")}&orderby=FullName&top=3&division=${current}`,
    );
    expect(status).toBe(200);
    expect(body.columns).toEqual([
      { name: "UserID", type: "guid" },
      { name: "FullName", type: "string" },
    ]);
    expect(body.rows.length).toBeLessThanOrEqual(3);
    const names = body.rows.map((row) => String(row[1]));
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("a division the app was not granted: 403 no access, never a partial table", async () => {
    const { status, body } = await get(`/api/v1/users?division=${current},${sim.data.notGrantedDivision}`);
    expect(status).toBe(403);
    expect(body.error).toEqual({
      code: "no_division_access",
      message: `No access to division ${sim.data.notGrantedDivision}.`,
    });
  });

  it("a user whose current division was not granted: clear 403 by default, license list still works", async () => {
    const user = sim.data.users.find(
      (candidate) => candidate.currentDivision === sim.data.notGrantedDivision,
    )!;
    const other = (await signInTestUser(gateway, { userId: user.userId })).sessionToken;
    const byDefault = await get("/api/v1/users", { as: other });
    expect(byDefault.status).toBe(403);
    expect(byDefault.body.error?.message).toBe(`No access to division ${sim.data.notGrantedDivision}.`);
    const license = await get("/api/v1/divisions?scope=license", { as: other });
    expect(license.status).toBe(200);
    const grant = defaultGrant(sim.data, user.userId);
    const licenses = new Set(sim.data.divisions.filter((d) => grant.includes(d.code)).map((d) => d.license));
    const expected = sim.data.divisions
      .filter((d) => licenses.has(d.license) && grant.includes(d.code))
      .map((d) => d.code)
      .sort((a, b) => a - b);
    expect(records(license.body).map((row) => row.Division)).toEqual(expected);
  });

  it("cache: repeated calls within the TTL cost nothing, no-cache refreshes after its minimum age, TTL expires, DELETE clears", async () => {
    const path = `/api/v1/users?division=${current}`;
    await get(path, { noCache: true });
    sim.log.reset();
    const answers = await Promise.all(Array.from({ length: 200 }, () => get(path)));
    expect(answers.every((answer) => answer.status === 200 && answer.body.cached)).toBe(true);
    expect(sim.log.count({ kind: "api" })).toBe(0);

    // Within the no-cache minimum age the last fetch answers; after it, no-cache refreshes.
    expect((await get(path, { noCache: true })).body.cached).toBe(true);
    expect(sim.log.count({ kind: "api" })).toBe(0);
    clock.advance(DEFAULT_SHARING.noCacheMinAgeSeconds * 1000);
    const fresh = await get(path, { noCache: true });
    expect(fresh.body.cached).toBe(false);
    // The division's users and the license-wide listing the login types come from (system/Users).
    expect(sim.log.count({ kind: "api" })).toBe(2);
    expect((await get(path)).body.asOf).toBe(fresh.body.asOf);

    clock.advance(5 * 60_000);
    const expired = await get(path);
    expect(expired.body.cached).toBe(false);
    expect(sim.log.count({ kind: "api" })).toBe(4);

    // Another user's cached answer for the same division survives this user's DELETE.
    const colleague = sim.data.users.find(
      (user) =>
        user.userId !== sim.data.primaryUserId && user.divisions.includes(current) && user.endDate === null,
    )!;
    const otherToken = (await signInTestUser(gateway, { userId: colleague.userId })).sessionToken;
    await get(path, { as: otherToken });
    sim.log.reset();

    expect((await callApi(gateway, token, "/api/v1/cache", { method: "DELETE" })).status).toBe(204);
    expect((await get(path)).body.cached).toBe(false);
    expect((await get(path, { as: otherToken })).body.cached).toBe(true);
    expect(sim.log.count({ kind: "api" })).toBe(2);
  });

  it("status: budgets per division in use and the caller's cache entries", async () => {
    await get(`/api/v1/users?division=${current}`);
    const { status, body } = await callApi<StatusResponse>(gateway, token, "/api/v1/status");
    expect(status).toBe(200);
    const budget = body.budgets.find((entry) => entry.division === current)!;
    expect(budget).toMatchObject({ minuteLimit: 60, dayLimit: 5000 });
    expect(budget.minuteRemaining).toBeLessThan(60);
    expect(Date.parse(budget.minuteResetAt!)).toBeGreaterThan(clock.now());
    expect(Date.parse(budget.dayResetAt!) % DAY).toBe(0);
    expect(body.cache.entries).toBeGreaterThan(0);
    expect(Date.parse(body.cache.oldestAsOf!)).toBeLessThanOrEqual(Date.parse(body.cache.newestAsOf!));
  });
});

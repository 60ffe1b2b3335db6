/**
 * The access-review routes through the real gateway (inject) and simulator (HTTP) (demo data set, virtual
 * clock): expected rows worked out from the data set, parameter errors, and the upstream calls a whole
 * review costs compared with ROLEHOLDERS over the same divisions.
 */
import type { AccessReviewResponse, TableResponse } from "../../../src/shared/api";
import { VirtualClock } from "../../../src/shared/clock";
import {
  defaultGrant,
  startSimulator,
  type RunningSimulator,
  type SimUserRole,
} from "../../../src/simulator";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { callApi, records } from "../../support/api/callApi";

const DAY = 86_400_000;

describe("access review routes (demo data set)", () => {
  let clock: VirtualClock;
  let sim: RunningSimulator;
  let gateway: TestGateway;
  let token: string;
  /** Granted and not blocked: what "all" covers. */
  let readable: number[];

  beforeAll(async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true });
    gateway = await buildTestGateway({}, { clock, simulator: sim });
    token = (await signInTestUser(gateway)).sessionToken;
    const blocked = new Set(sim.data.divisions.filter((d) => d.blockingStatus !== 0).map((d) => d.code));
    readable = defaultGrant(sim.data, sim.data.primaryUserId)
      .filter((code) => !blocked.has(code))
      .sort((a, b) => a - b);
  });
  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  const get = <T = TableResponse>(path: string) => callApi<T>(gateway, token, path);
  const today = () => Math.floor(clock.now() / DAY) * DAY;
  const heldToday = (row: SimUserRole) =>
    (row.startDate === null || row.startDate <= clock.now()) &&
    (row.endDate === null || row.endDate >= today());
  const inScope = (divisions: number[]) => sim.data.roles.filter((row) => divisions.includes(row.division));
  const day = (time: number) => new Date(time).toISOString().slice(0, 10);

  it("roles: every role number in all accessible divisions, with today's holders", async () => {
    const { status, body } = await get("/api/v1/roles");
    expect(status).toBe(200);
    expect(body.divisionSource).toBe("all");
    expect(body.divisions).toEqual(readable);
    const rows = inScope(readable);
    const expected = [...new Set(rows.map((row) => row.role))].sort((a, b) => a - b);
    expect(records(body).map((row) => row.Role)).toEqual(expected);
    for (const row of records(body)) {
      const held = rows.filter((candidate) => candidate.role === row.Role && heldToday(candidate));
      expect(row["Active holders"]).toBe(new Set(held.map((candidate) => candidate.userId)).size);
      expect(row["Divisions held"]).toBe(new Set(held.map((candidate) => candidate.division)).size);
    }
  });

  it("role-changes: grants, ends and ends to come since a day, for chosen divisions and roles", async () => {
    const since = today() - 60 * DAY;
    const divisions = readable.slice(0, 6);
    const { status, body } = await get(
      `/api/v1/role-changes?since=${day(since)}&divisions=${divisions.join(",")}&roles=12,21,31,41,51`,
    );
    expect(status).toBe(200);
    const rows = inScope(divisions).filter((row) => [12, 21, 31, 41, 51].includes(row.role));
    const expected = [
      ...rows
        .filter((row) => (row.startDate !== null && row.startDate >= since) || row.created >= since)
        .map((row) => `Granted ${row.userId} ${row.role} ${row.division}`),
      ...rows
        .filter((row) => row.endDate !== null && row.endDate >= since && row.endDate < today())
        .map((row) => `Ended ${row.userId} ${row.role} ${row.division}`),
      ...rows
        .filter((row) => row.endDate !== null && row.endDate >= today() && row.endDate <= today() + 30 * DAY)
        .map((row) => `Ending ${row.userId} ${row.role} ${row.division}`),
    ].sort();
    expect(expected.length).toBeGreaterThan(2);
    const got = records(body).map((row) => `${row.Change} ${row["User ID"]} ${row.Role} ${row.Division}`);
    expect(got.sort()).toEqual(expected);
    expect(body.columns.map((column) => column.name)).toContain("Changed by");
  });

  it("access-issues: login ended, never logged in or not for N days, and two-step verification missing", async () => {
    for (const inactiveDays of [90, 30]) {
      const { status, body } = await get(`/api/v1/access-issues?inactiveDays=${inactiveDays}`);
      expect(status).toBe(200);
      const holders = new Set(
        inScope(readable)
          .filter(heldToday)
          .map((row) => row.userId),
      );
      const expected = sim.data.users
        .filter((user) => holders.has(user.userId))
        .flatMap((user) => {
          const ended = user.endDate !== null && user.endDate < clock.now();
          const login = ended
            ? "Login ended, roles still active"
            : user.lastLogin === null
              ? "Never logged in"
              : user.lastLogin < clock.now() - inactiveDays * DAY
                ? `No login for ${inactiveDays} days`
                : null;
          const twoStep = ended
            ? null
            : !user.twoStepRequired
              ? "Holds roles without two-step verification"
              : !user.twoStepRegistered
                ? "Two-step required but not registered"
                : null;
          return [login, twoStep]
            .filter((finding) => finding !== null)
            .map((finding) => `${finding} ${user.userId}`);
        })
        .sort();
      expect(
        records(body)
          .map((row) => `${row.Finding} ${row["User ID"]}`)
          .sort(),
      ).toEqual(expected);
    }
    // The demo has each kind, and users whose login ended get no two-step row.
    const { body } = await get("/api/v1/access-issues");
    const findings = new Set(records(body).map((row) => row.Finding));
    expect([...findings].sort()).toEqual(
      [
        "Holds roles without two-step verification",
        "Login ended, roles still active",
        "Never logged in",
        "No login for 90 days",
        "Two-step required but not registered",
      ].sort(),
    );
  });

  it("refuses bad parameters, naming them, before any call to Exact", async () => {
    sim.log.reset();
    const cases: Array<[string, string]> = [
      ["/api/v1/role-changes", "since"],
      ["/api/v1/role-changes?since=2026-02-30", "since"],
      ["/api/v1/role-changes?since=yesterday", "since"],
      ["/api/v1/role-changes?since=2026-01-01&roles=abc", "roles"],
      ["/api/v1/access-issues?inactiveDays=0", "inactiveDays"],
      ["/api/v1/access-issues?inactiveDays=ninety", "inactiveDays"],
      ["/api/v1/roles?divisions=x", "divisions"],
      ["/api/v1/roles?role=274", "role"],
      ["/api/v1/access-review?since=2026-13-01", "since"],
    ];
    for (const [path, parameter] of cases) {
      const { status, body } = await get(path);
      expect({ path, status, code: body.error?.code }).toEqual({
        path,
        status: 400,
        code: "invalid_request",
      });
      expect(body.error?.message).toContain(`"${parameter}"`);
    }
    expect(sim.log.count({ kind: "api" })).toBe(0);
  });

  it("access-review: four tables from one fetch per division, as many calls as ROLEHOLDERS plus nothing", async () => {
    await callApi(gateway, token, "/api/v1/cache", { method: "DELETE" });
    sim.log.reset();
    const holders = await get("/api/v1/role-holders?roles=274&divisions=all");
    expect(holders.status).toBe(200);
    const holderCalls = sim.log.perEndpoint();

    await callApi(gateway, token, "/api/v1/cache", { method: "DELETE" });
    sim.log.reset();
    const review = await get<AccessReviewResponse>("/api/v1/access-review");
    expect(review.status).toBe(200);
    expect(sim.log.perEndpoint()).toEqual(holderCalls);
    expect(sim.log.count({ endpoint: "users/UserRolesPerDivision" })).toBe(readable.length);
    expect(sim.log.count({ endpoint: "system/Users" })).toBe(1);

    const body = review.body;
    expect(body.roles).toEqual([274]);
    expect(body.inactiveDays).toBe(90);
    expect(body.since).toBe(day(today() - 90 * DAY));
    expect(body.divisions).toEqual(readable);
    const holderIds = (table: Pick<TableResponse, "columns" | "rows">) =>
      records(table as TableResponse).map((row) => row["User ID"]);
    expect(holderIds(body.holders).sort()).toEqual(holderIds(holders.body).sort());
    expect(body.catalogue.rows.length).toBeGreaterThan(3);
    expect(body.findings.rows.length).toBeGreaterThan(0);
    expect(body.changes.rows.length).toBeGreaterThan(0);

    // The three functions over the same scope now cost nothing upstream: the same cached rows.
    sim.log.reset();
    for (const path of ["/api/v1/roles", "/api/v1/role-changes?since=2026-01-01", "/api/v1/access-issues"]) {
      expect((await get(path)).status).toBe(200);
    }
    expect(sim.log.count({ kind: "api" })).toBe(0);
  });
});

/** The accountant-scale data set (1,500 divisions) through the real gateway: paging to the end and fan-out. */
import { VirtualClock } from "../../../src/shared/clock";
import { defaultGrant, startSimulator, type RunningSimulator } from "../../../src/simulator";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { callApi, records } from "../../support/api/callApi";

const DAY = 86_400_000;

describe("accountant-large data set", () => {
  let clock: VirtualClock;
  let sim: RunningSimulator;
  let gateway: TestGateway;
  let token: string;
  let granted: number[];

  beforeAll(async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "accountant-large", seed: 1, autoApprove: true });
    gateway = await buildTestGateway({}, { clock, simulator: sim });
    token = (await signInTestUser(gateway)).sessionToken;
    granted = defaultGrant(sim.data, sim.data.primaryUserId).sort((a, b) => a - b);
  });
  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  it("divisions: pages through all of them in ceil(n/60) calls", async () => {
    sim.log.reset();
    const { status, body } = await callApi(gateway, token, "/api/v1/divisions");
    expect(status).toBe(200);
    expect(granted.length).toBeGreaterThanOrEqual(1400);
    expect(records(body).map((row) => row.Division)).toEqual(granted);
    expect(sim.log.count({ kind: "api", endpoint: "system/Divisions" })).toBe(Math.ceil(granted.length / 60));
  });

  it("role-holders over 400 divisions: fan-out under the budgets, zero 429s, the right users", async () => {
    const blocked = new Set(sim.data.divisions.filter((d) => d.blockingStatus !== 0).map((d) => d.code));
    const chosen = granted.filter((code) => !blocked.has(code)).slice(0, 400);
    sim.log.reset();
    const { status, body } = await callApi(
      gateway,
      token,
      `/api/v1/role-holders?roles=274&divisions=${chosen.join(",")}`,
    );
    expect(status).toBe(200);
    expect(body.divisions).toEqual(chosen);
    expect(body.divisionSource).toBe("explicit");
    const now = clock.now();
    const startOfToday = Math.floor(now / DAY) * DAY;
    const expected = new Set(
      sim.data.roles
        .filter(
          (row) =>
            row.role === 274 &&
            chosen.includes(row.division) &&
            (row.startDate === null || row.startDate <= now) &&
            (row.endDate === null || row.endDate >= startOfToday),
        )
        .map((row) => row.userId),
    );
    expect(expected.size).toBeGreaterThan(0);
    expect(
      records(body)
        .map((row) => row["User ID"])
        .sort(),
    ).toEqual([...expected].sort());
    expect(sim.log.tooManyRequests()).toBe(0);
    // Each division's one role listing (every route shares it; 60 rows a page), and one license-wide
    // user listing for the names.
    const pages = chosen.reduce((sum, division) => {
      const rows = sim.data.roles.filter((row) => row.division === division).length;
      return sum + Math.max(1, Math.ceil(rows / 60));
    }, 0);
    expect(pages).toBeGreaterThanOrEqual(chosen.length);
    expect(sim.log.count({ endpoint: "users/UserRolesPerDivision" })).toBe(pages);
    expect(sim.log.count({ endpoint: "system/Users" })).toBe(1);
    expect(sim.log.count({ endpoint: "users/Users" })).toBe(0);
  }, 60_000);
});

/** The accountant-scale data set (1,500 divisions) through the real gateway: paging to the end and fan-out. */
import { VirtualClock } from "../../src/shared/clock";
import { defaultGrant, startSimulator, type RunningSimulator } from "../../src/simulator";
import { signInTestUser, startTestGateway, type TestGateway } from "../support/gateway";
import { callApi, records } from "./support/api";

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
    gateway = await startTestGateway({}, { clock, simulator: sim });
    token = (await signInTestUser(gateway)).sessionToken;
    granted = defaultGrant(sim.data, sim.data.primaryUserId).sort((a, b) => a - b);
  });
  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  it("divisions: pages through all of them in ceil(n/60) calls", async () => {
    sim.log.reset();
    const { status, body } = await callApi(gateway.url, token, "/api/v1/divisions");
    expect(status).toBe(200);
    expect(granted.length).toBeGreaterThanOrEqual(1400);
    expect(records(body).map((row) => row.Division)).toEqual(granted);
    expect(sim.log.count({ kind: "api", endpoint: "system/Divisions" })).toBe(Math.ceil(granted.length / 60));
  });

  it("role-holders over all divisions: fan-out under the budgets, zero 429s, the right users", async () => {
    sim.log.reset();
    const { status, body } = await callApi(
      gateway.url,
      token,
      "/api/v1/role-holders?roles=274&divisions=all",
    );
    expect(status).toBe(200);
    const blocked = new Set(sim.data.divisions.filter((d) => d.blockingStatus !== 0).map((d) => d.code));
    const readable = granted.filter((code) => !blocked.has(code));
    expect(body.divisions).toEqual(readable);
    const now = clock.now();
    const startOfToday = Math.floor(now / DAY) * DAY;
    const expected = new Set(
      sim.data.roles
        .filter(
          (row) =>
            row.role === 274 &&
            readable.includes(row.division) &&
            (row.startDate === null || row.startDate <= now) &&
            (row.endDate === null || row.endDate >= startOfToday),
        )
        .map((row) => row.userId),
    );
    expect(
      records(body)
        .map((row) => row["User ID"])
        .sort(),
    ).toEqual([...expected].sort());
    expect(sim.log.tooManyRequests()).toBe(0);
    // The divisions list came from the cache; one role call per division.
    expect(sim.log.count({ endpoint: "system/Divisions" })).toBe(0);
    expect(sim.log.count({ endpoint: "users/UserRolesPerDivision" })).toBe(readable.length);
  });
});

/**
 * Segregation of duties through the real gateway (inject) and simulator (HTTP), demo data set: conflicts
 * under the documented example rule computed from the data set, bad rules refused by row before any call,
 * and the access review's conflicts table costing no call beyond the role rows it reads anyway.
 */
import type { AccessReviewResponse } from "../../../src/shared/api";
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator, type RunningSimulator, type SimUserRole } from "../../../src/simulator";
import { callApi, records } from "../../support/api/callApi";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";

const DAY = 86_400_000;
const RULES = JSON.stringify([
  [11, 21, "Enter and approve"],
  [31, 41],
]);

describe("sod-conflicts (demo data set)", () => {
  let clock: VirtualClock;
  let sim: RunningSimulator;
  let gateway: TestGateway;
  let token: string;

  beforeAll(async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true });
    gateway = await buildTestGateway({}, { clock, simulator: sim });
    token = (await signInTestUser(gateway)).sessionToken;
  });
  afterAll(async () => {
    await gateway?.close();
    await sim?.close();
  });

  const heldToday = (row: SimUserRole) =>
    (row.startDate === null || row.startDate <= clock.now()) &&
    (row.endDate === null || row.endDate >= Math.floor(clock.now() / DAY) * DAY);

  /** Rule label, user and division for every pair held today in the given divisions, from the data set. */
  function expectedConflicts(divisions: number[]): string[] {
    const rules: [number, number, string][] = [
      [11, 21, "Enter and approve"],
      [31, 41, "31 and 41"],
    ];
    return rules.flatMap(([a, b, label]) => {
      const holding = (role: number) =>
        new Set(
          sim.data.roles
            .filter((row) => row.role === role && heldToday(row) && divisions.includes(row.division))
            .map((row) => `${row.userId} ${row.division}`),
        );
      const withB = holding(b);
      return [...holding(a)].filter((key) => withB.has(key)).map((key) => `${label} ${key}`);
    });
  }

  it("one row per rule, user and division holding both roles today, with both descriptions and since", async () => {
    const { status, body } = await callApi(
      gateway,
      token,
      `/api/v1/sod-conflicts?rules=${encodeURIComponent(RULES)}`,
    );
    expect(status).toBe(200);
    const rows = records(body);
    const got = rows.map((row) => `${row.Rule} ${row["User ID"]} ${row.Division}`);
    const expected = expectedConflicts(body.divisions);
    expect(got.sort()).toEqual(expected.sort());
    // The documented example rule finds something in the demo.
    expect(rows.filter((row) => row.Rule === "Enter and approve").length).toBeGreaterThan(1);
    for (const row of rows) {
      const own = sim.data.roles.filter(
        (r) => r.userId === row["User ID"] && r.division === row.Division && heldToday(r),
      );
      const start = (role: unknown) =>
        Math.min(...own.filter((r) => r.role === role).map((r) => r.startDate ?? -Infinity));
      const since = Math.max(start(row["Role A"]), start(row["Role B"]));
      expect(row.Since).toBe(Number.isFinite(since) ? new Date(since).toISOString() : null);
      expect(typeof row["Role A description"]).toBe("string");
      expect(typeof row["Role B description"]).toBe("string");
    }
  });

  it("bad rules are refused naming the row, before any call to Exact", async () => {
    sim.log.reset();
    const cases: [string, RegExp][] = [
      [
        JSON.stringify([
          [11, 21],
          [31, null],
        ]),
        /row 2: role B is missing/,
      ],
      [JSON.stringify([[11, 11]]), /row 1: role A and role B are both 11/],
      ["[[11,", /JSON list/],
      ["", /"rules" is required/],
    ];
    for (const [rules, message] of cases) {
      const { status, body } = await callApi(
        gateway,
        token,
        `/api/v1/sod-conflicts?rules=${encodeURIComponent(rules)}`,
      );
      expect({ rules, status, code: body.error?.code }).toEqual({
        rules,
        status: 400,
        code: "invalid_request",
      });
      expect(body.error?.message).toMatch(message);
    }
    expect(sim.log.count({ kind: "api" })).toBe(0);
  });

  it("the access review's conflicts table costs no call beyond the review without rules", async () => {
    await callApi(gateway, token, "/api/v1/cache", { method: "DELETE" });
    sim.log.reset();
    const plain = await callApi<AccessReviewResponse>(gateway, token, "/api/v1/access-review");
    expect(plain.status).toBe(200);
    expect(plain.body.conflicts.rows).toEqual([]);
    const withoutRules = sim.log.perEndpoint();

    await callApi(gateway, token, "/api/v1/cache", { method: "DELETE" });
    sim.log.reset();
    const review = await callApi<AccessReviewResponse>(
      gateway,
      token,
      `/api/v1/access-review?rules=${encodeURIComponent(RULES)}`,
    );
    expect(review.status).toBe(200);
    expect(sim.log.perEndpoint()).toEqual(withoutRules);
    expect(sim.log.count({ endpoint: "system/Users" })).toBe(1);
    const got = records({
      ...review.body.conflicts,
      asOf: "",
      divisions: [],
      divisionSource: "all",
      cached: false,
    });
    expect(got.map((row) => `${row.Rule} ${row["User ID"]} ${row.Division}`).sort()).toEqual(
      expectedConflicts(review.body.divisions).sort(),
    );
  });
});

/**
 * Issue 13 (3, 8): division arguments are checked against the caller's divisions before any call, a
 * fan-out stops after its first failure, and /api/v1/status shows only the caller's divisions.
 */
import { VirtualClock } from "../../../src/shared/clock";
import type { StatusResponse } from "../../../src/shared/api";
import { startSimulator, type RunningSimulator } from "../../../src/simulator";
import { fanOut } from "../../../src/gateway/data/fanOut";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { callApi } from "../../support/api/callApi";

describe("division arguments (real gateway and simulator)", () => {
  let clock: VirtualClock;
  let sim: RunningSimulator;
  let gateway: TestGateway;
  let token: string;
  let current: number;

  beforeAll(async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true, errorBlock: true });
    gateway = await buildTestGateway({}, { clock, simulator: sim });
    const signedIn = await signInTestUser(gateway);
    token = signedIn.sessionToken;
    current = signedIn.session.currentDivision!;
    // The caller's whole division list is known here (the divisions table was read); a cold sign-in's
    // checks look divisions up by code instead: divisionLookUp.test.ts.
    await callApi(gateway, token, "/api/v1/divisions");
    await callApi(gateway, token, `/api/v1/users?division=${current}`);
  });
  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  it("1,000 divisions the user cannot open: refused with their numbers, 0 upstream calls", async () => {
    const own = new Set(sim.data.divisions.map((division) => division.code));
    const foreign: number[] = [];
    for (let code = 900_000; foreign.length < 1000; code += 1) if (!own.has(code)) foreign.push(code);
    sim.log.reset();
    const answer = await callApi(gateway, token, `/api/v1/users?division=${foreign.join(",")}`);
    expect(answer.status).toBe(403);
    expect(answer.body.error?.code).toBe("no_division_access");
    expect(answer.body.error?.message).toBe(
      `No access to divisions ${foreign.slice(0, 20).join(", ")} and 980 more.`,
    );
    expect(sim.log.count({ kind: "api" })).toBe(0);
  });

  it("a list mixing open and foreign divisions is refused before any call, too", async () => {
    sim.log.reset();
    const answer = await callApi(
      gateway,
      token,
      `/api/v1/query?resource=users/Users&select=FullName&division=${current},999999`,
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error?.message).toBe("No access to division 999999.");
    expect(sim.log.count({ kind: "api" })).toBe(0);
  });

  it("the division list a route read also serves the checks, even after Clear cache", async () => {
    const colleague = sim.data.users.find(
      (user) =>
        user.endDate === null && user.userId !== sim.data.primaryUserId && user.divisions.includes(current),
    )!;
    const other = (await signInTestUser(gateway, { userId: colleague.userId })).sessionToken;
    expect((await callApi(gateway, other, "/api/v1/divisions")).status).toBe(200);
    expect((await callApi(gateway, other, "/api/v1/cache", { method: "DELETE" })).status).toBe(204);
    sim.log.reset();
    expect((await callApi(gateway, other, `/api/v1/users?division=${current}`)).status).toBe(200);
    // No division look-up: only the users and the license-wide listing their login types come from.
    expect(
      sim.log
        .filter({ kind: "api" })
        .map((call) => call.endpoint)
        .sort(),
    ).toEqual(["system/Users", "users/Users"]);
  });

  it("status lists only the caller's divisions, not those other users of the app used", async () => {
    const primary = sim.data.users.find((user) => user.userId === sim.data.primaryUserId)!;
    const open = (code: number) =>
      code !== sim.data.notGrantedDivision &&
      sim.data.divisions.some((division) => division.code === code && division.blockingStatus === 0);
    const colleague = sim.data.users.find(
      (user) =>
        user.endDate === null &&
        user.userId !== primary.userId &&
        user.divisions.includes(current) &&
        primary.divisions.some((code) => open(code) && !user.divisions.includes(code)),
    )!;
    const notTheirs = primary.divisions.find((code) => open(code) && !colleague.divisions.includes(code))!;
    expect((await callApi(gateway, token, `/api/v1/users?division=${notTheirs}`)).status).toBe(200);
    const other = (await signInTestUser(gateway, { userId: colleague.userId })).sessionToken;
    expect((await callApi(gateway, other, `/api/v1/users?division=${current}`)).status).toBe(200);
    const theirs = await callApi<StatusResponse>(gateway, other, "/api/v1/status");
    expect(theirs.status).toBe(200);
    const shown = theirs.body.budgets.map((budget) => budget.division);
    expect(shown).toContain(current);
    expect(shown).not.toContain(notTheirs);
    const mine = await callApi<StatusResponse>(gateway, token, "/api/v1/status");
    expect(mine.body.budgets.map((budget) => budget.division)).toEqual(
      expect.arrayContaining([current, notTheirs]),
    );
  });
});

describe("fan-out", () => {
  it("starts nothing more after the first failure", async () => {
    const started: number[] = [];
    const items = Array.from({ length: 100 }, (_, i) => i);
    const error = await fanOut(items, 4, async (item) => {
      started.push(item);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (item === 2) throw new Error("403 from Exact");
      return item;
    }).catch((e: Error) => e);
    expect((error as Error).message).toBe("403 from Exact");
    expect(started.length).toBeLessThanOrEqual(8);
  });

  it("keeps order and runs at most `width` at a time", async () => {
    let running = 0;
    let peak = 0;
    const result = await fanOut([5, 4, 3, 2, 1], 2, async (item) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, item));
      running -= 1;
      return item * 10;
    });
    expect(result).toEqual([50, 40, 30, 20, 10]);
    expect(peak).toBe(2);
  });
});

/**
 * Division arguments on a sign-in whose division list was not read yet: the asked divisions are looked
 * up by code (filtered reads of system/Divisions, 60 codes each; the first alone, then more at once)
 * instead of paging through the whole list; refused naming the divisions at the first page that finds
 * one the user cannot open, with 0 calls to their data endpoints.
 */
import { VirtualClock } from "../../../src/shared/clock";
import { defaultGrant, startSimulator, type RunningSimulator } from "../../../src/simulator";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { callApi } from "../../support/api/callApi";

interface Rig {
  clock: VirtualClock;
  sim: RunningSimulator;
  gateway: TestGateway;
  close(): Promise<void>;
}

async function rig(options: {
  dataset: "demo" | "accountant-large";
  maxFilterComparisons?: number;
}): Promise<Rig> {
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, seed: 1, autoApprove: true, errorBlock: true, ...options });
  const gateway = await buildTestGateway({}, { clock, simulator: sim });
  return {
    clock,
    sim,
    gateway,
    close: async () => {
      await gateway.close();
      await sim.close();
    },
  };
}

/** The endpoints the simulator answered since the last reset, in order. */
const endpoints = (sim: RunningSimulator) => sim.log.filter({ kind: "api" }).map((call) => call.endpoint);

describe("division look-ups on a cold sign-in (real gateway and simulator)", () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig({ dataset: "accountant-large" });
  });
  afterAll(() => r.close());

  it("1,000 divisions the user cannot open: refused by name after the first filtered read, no data calls", async () => {
    const { sessionToken } = await signInTestUser(r.gateway);
    const own = new Set(r.sim.data.divisions.map((division) => division.code));
    const foreign: number[] = [];
    for (let code = 900_000; foreign.length < 1000; code += 1) if (!own.has(code)) foreign.push(code);
    r.sim.log.reset();
    const answer = await callApi(r.gateway, sessionToken, `/api/v1/users?division=${foreign.join(",")}`);
    expect(answer.status).toBe(403);
    expect(answer.body.error?.message).toBe(
      `No access to divisions ${foreign.slice(0, 20).join(", ")} and 40 more; 940 more not checked.`,
    );
    expect(endpoints(r.sim)).toEqual(["system/Divisions"]);
    // What was learned is kept: the same request within the minute costs nothing upstream.
    r.sim.log.reset();
    const again = await callApi(r.gateway, sessionToken, `/api/v1/users?division=${foreign.join(",")}`);
    expect(again.status).toBe(403);
    expect(r.sim.log.count({ kind: "api" })).toBe(0);
  });

  it("an open list costs one filtered read per 60 divisions, not the whole list; then nothing", async () => {
    const { sessionToken } = await signInTestUser(r.gateway);
    const data = r.sim.data;
    const open = defaultGrant(data, data.primaryUserId).filter(
      (code) => data.divisions.find((division) => division.code === code)!.blockingStatus === 0,
    );
    expect(open.length).toBeGreaterThan(1000); // the whole list would be 25 pages
    const hundred = open.slice(0, 100);
    r.sim.log.reset();
    const path = `/api/v1/user-roles?divisions=${hundred.join(",")}`;
    expect((await callApi(r.gateway, sessionToken, path)).status).toBe(200);
    expect(r.sim.log.count({ kind: "api", endpoint: "system/Divisions" })).toBe(2);
    r.sim.log.reset();
    expect((await callApi(r.gateway, sessionToken, path, { noCache: true })).status).toBe(200);
    expect(r.sim.log.count({ kind: "api", endpoint: "system/Divisions" })).toBe(0);
  });

  it("a missing division is looked up again after a minute (access may just have been granted)", async () => {
    const { sessionToken, session } = await signInTestUser(r.gateway);
    const current = session.currentDivision!;
    r.sim.log.reset();
    const path = `/api/v1/users?division=${current},999999`;
    const refused = await callApi(r.gateway, sessionToken, path);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe("No access to division 999999.");
    expect(endpoints(r.sim)).toEqual(["system/Divisions"]);
    r.sim.log.reset();
    expect((await callApi(r.gateway, sessionToken, `/api/v1/users?division=${current}`)).status).toBe(200);
    expect(endpoints(r.sim)).toEqual(["users/Users"]); // the open one was learned with the refusal
    r.sim.log.reset();
    r.clock.advance(61_000);
    expect((await callApi(r.gateway, sessionToken, path)).status).toBe(403);
    expect(endpoints(r.sim)).toEqual(["system/Divisions"]);
  });
});

describe("when Exact refuses the filtered look-up", () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig({ dataset: "demo", maxFilterComparisons: 1 });
  });
  afterAll(() => r.close());

  it("the gateway reads the whole list instead, and from then on", async () => {
    const { sessionToken, session } = await signInTestUser(r.gateway);
    const granted = r.sim.data.users.find((user) => user.userId === r.sim.data.primaryUserId)!.divisions;
    const two = [session.currentDivision!, granted.find((code) => code !== session.currentDivision)!];
    r.sim.log.reset();
    const answer = await callApi(r.gateway, sessionToken, `/api/v1/users?division=${two.join(",")}`);
    expect(answer.status).toBe(200);
    const divisionReads = r.sim.log.filter({ kind: "api", endpoint: "system/Divisions" });
    expect(divisionReads.map((call) => call.status)).toEqual([400, 200]);
    // Another user's sign-in (a cold chain, too) goes straight to the whole list.
    const colleague = r.sim.data.users.find(
      (user) =>
        user.endDate === null &&
        user.userId !== r.sim.data.primaryUserId &&
        user.divisions.includes(session.currentDivision!),
    )!;
    const other = await signInTestUser(r.gateway, { userId: colleague.userId });
    r.sim.log.reset();
    const path = `/api/v1/users?division=${session.currentDivision}`;
    expect((await callApi(r.gateway, other.sessionToken, path)).status).toBe(200);
    const statuses = r.sim.log
      .filter({ kind: "api", endpoint: "system/Divisions" })
      .map((call) => call.status);
    expect(statuses).toEqual([200]);
  });
});

describe("while the whole list is being read", () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig({ dataset: "accountant-large" });
  });
  afterAll(() => r.close());

  it("asked while the whole list is being read (a workbook asking DIVISIONS too): the list answers, no look-up", async () => {
    const { sessionToken } = await signInTestUser(r.gateway);
    const data = r.sim.data;
    const granted = defaultGrant(data, data.primaryUserId);
    const open = granted.filter(
      (code) => data.divisions.find((division) => division.code === code)!.blockingStatus === 0,
    );
    r.sim.log.reset();
    const answers = await Promise.all([
      callApi(r.gateway, sessionToken, "/api/v1/divisions"),
      callApi(r.gateway, sessionToken, `/api/v1/users?division=${open[0]}`),
      callApi(r.gateway, sessionToken, `/api/v1/user-roles?divisions=${open.slice(0, 5).join(",")}`),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const divisionReads = r.sim.log.filter({ kind: "api", endpoint: "system/Divisions" });
    expect(divisionReads.filter((call) => call.query.includes("filter"))).toEqual([]);
    expect(divisionReads).toHaveLength(Math.ceil(granted.length / 60)); // the whole list's pages only
  });
});

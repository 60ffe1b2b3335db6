/** The Exact client and scheduler against the real simulator over HTTP, on a virtual clock. */
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator, defaultGrant, type RunningSimulator } from "../../../src/simulator";
import { GatewayError } from "../../../src/gateway/errors";
import { RateScheduler } from "../../../src/gateway/scheduler/scheduler";
import { clientHarness, sessionFor } from "../../support/api/harness";
import { SimTokenSource } from "../../support/api/simTokens";
import { DEMO_APP } from "../../../src/simulator";

describe("Exact client on the demo data set", () => {
  let sim: RunningSimulator;
  let clock: VirtualClock;

  beforeEach(async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1 });
  });
  afterEach(() => sim.close());

  it("reads a list with an explicit $select and Accept JSON, dates as ISO", async () => {
    const { client, session } = await clientHarness(sim, clock);
    const division = session.currentDivision!;
    const users = await client.getAll(session, division, "users/Users", {
      $select: "UserID,FullName,StartDate",
    });
    const expected = sim.data.users.filter((user) => user.divisions.includes(division));
    expect(users.map((user) => user.UserID).sort()).toEqual(expected.map((user) => user.userId).sort());
    for (const user of users) {
      expect(Object.keys(user).sort()).toEqual(["FullName", "StartDate", "UserID"]);
      if (user.StartDate !== null) expect(user.StartDate).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
  });

  it("more than 60 calls to one division within a minute complete with zero 429s", async () => {
    const { client, session } = await clientHarness(sim, clock);
    const division = session.currentDivision!;
    sim.log.reset();
    const started = clock.now();
    const results = await Promise.all(
      Array.from({ length: 150 }, () =>
        client.getAll(session, division, "users/Users", { $select: "UserID" }),
      ),
    );
    expect(results.every((rows) => rows.length === results[0].length && rows.length > 0)).toBe(true);
    expect(sim.log.count({ kind: "api", division })).toBe(150);
    expect(sim.log.tooManyRequests()).toBe(0);
    expect(clock.now() - started).toBeGreaterThanOrEqual(60_000); // it waited for minute resets instead
  });

  it("a 429 from a competing process: waits for the reset and retries", async () => {
    const { client, session, tokens } = await clientHarness(sim, clock);
    const division = session.currentDivision!;
    // Another app instance (a second scheduler, same client ID) eats the budget first.
    const other = await clientHarness(sim, clock, {
      scheduler: new RateScheduler({ clock, concurrency: 8 }),
      tokens,
    });
    await Promise.all(
      Array.from({ length: 60 }, () =>
        other.client.getAll(session, division, "users/Users", { $select: "UserID" }),
      ),
    );
    sim.log.reset();
    const rows = await client.getAll(session, division, "users/Users", { $select: "UserID" });
    expect(rows.length).toBeGreaterThan(0);
    expect(sim.log.tooManyRequests()).toBe(1);
    expect(sim.log.count({ kind: "api", status: 200 })).toBe(1);
  });

  it("maps NoDivisionAccess, unknown fields and expired tokens", async () => {
    const { client, session, tokens } = await clientHarness(sim, clock);
    await expect(
      client.getAll(session, sim.data.notGrantedDivision, "users/Users", { $select: "UserID" }),
    ).rejects.toMatchObject({
      status: 403,
      code: "no_division_access",
      message: `No access to division ${sim.data.notGrantedDivision}.`,
    });
    await expect(
      client.getAll(session, session.currentDivision, "users/Users", { $select: "NoSuchField" }),
    ).rejects.toMatchObject({
      status: 400,
      code: "exact_error",
      message: expect.stringMatching(/^Exact Online: .*NoSuchField/),
    });
    clock.advance(601_000); // the access token died: one refresh, then success
    const rows = await client.getAll(session, session.currentDivision, "users/Users", { $select: "UserID" });
    expect(rows.length).toBeGreaterThan(0);
    expect(tokens.refreshes).toBe(1);
  });
});

describe("Exact client on the accountant-large data set", () => {
  let sim: RunningSimulator;
  let clock: VirtualClock;

  beforeAll(async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "accountant-large", seed: 1 });
  });
  afterAll(() => sim.close());

  it("follows __next to the end across 1,500 divisions in ceil(n/60) calls", async () => {
    const { client, session } = await clientHarness(sim, clock);
    sim.log.reset();
    const rows = await client.getAll(session, session.currentDivision, "system/Divisions", {
      $select: "Code,Description",
    });
    const expected = defaultGrant(sim.data, sim.data.primaryUserId).sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(1000);
    expect(rows.map((row) => row.Code)).toEqual(expected);
    expect(sim.log.count({ kind: "api" })).toBe(Math.ceil(expected.length / 60));
  });

  it("with 10% injected faults every answer is complete and correct or a clear error, never short", async () => {
    const { client, session } = await clientHarness(sim, clock, { timeoutMs: 300, maxAttempts: 3 });
    const expected = defaultGrant(sim.data, sim.data.primaryUserId).sort((a, b) => a - b);
    sim.setFaults("500:0.03,503:0.02,drop:0.02,malformed:0.02,hang:0.005,401mid:0.005");
    let complete = 0;
    let failed = 0;
    for (let run = 0; run < 12; run += 1) {
      try {
        const rows = await client.getAll(session, session.currentDivision, "system/Divisions", {
          $select: "Code",
        });
        expect(rows.map((row) => row.Code)).toEqual(expected);
        complete += 1;
      } catch (error) {
        expect(error).toBeInstanceOf(GatewayError);
        expect((error as GatewayError).code).toMatch(/^(exact_unavailable|reauth_required|exact_error)$/);
        expect((error as GatewayError).message).toMatch(/Exact Online/);
        failed += 1;
      }
    }
    sim.setFaults(null);
    expect(complete + failed).toBe(12);
    expect(complete).toBeGreaterThan(0);
    expect(sim.log.count({ kind: "api" }) - sim.log.count({ kind: "api", fault: null })).toBeGreaterThan(0);
  });

  it("two users of the same client ID share one budget per division", async () => {
    const scheduler = new RateScheduler({ clock, concurrency: 8 });
    const first = await clientHarness(sim, clock, { scheduler });
    const secondUser = sim.data.users.find(
      (user) =>
        user.userId !== sim.data.primaryUserId && user.divisions.includes(first.session.currentDivision!),
    )!;
    sim.setAutoApprove({ userId: secondUser.userId });
    const secondTokens = await SimTokenSource.signIn(sim.url, DEMO_APP);
    const second = {
      ...first,
      tokens: secondTokens,
      session: sessionFor(sim, secondUser.userId, "chain-second"),
    };
    expect(second.session.clientId).toBe(first.session.clientId);
    const division = first.session.currentDivision!;
    sim.log.reset();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 === 0 ? first : second).client.getAll(
          i % 2 === 0 ? first.session : { ...second.session },
          division,
          "users/Users",
          { $select: "UserID" },
        ),
      ),
    );
    expect(sim.log.tooManyRequests()).toBe(0);
    const budget = scheduler.budget(DEMO_APP.clientId, division);
    expect(budget.minuteLimit).toBe(60);
    expect(scheduler.budgetsOf(DEMO_APP.clientId)).toContain(budget);
  });
});

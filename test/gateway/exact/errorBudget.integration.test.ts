/**
 * Issue 13 (1, 2): through the real gateway against the simulator with its error block on — a bad
 * query recalculated again and again costs at most one upstream error, the local limit refuses before
 * Exact's block, and a second user of the same division is not slowed.
 */
import { VirtualClock } from "../../../src/shared/clock";
import { DEMO_APP, startSimulator, type RunningSimulator } from "../../../src/simulator";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { callApi } from "../../support/api/callApi";

const enc = encodeURIComponent;

describe("error budget (simulator errorBlock on)", () => {
  let clock: VirtualClock;
  let sim: RunningSimulator;
  let gateway: TestGateway;
  let bad: { sessionToken: string; division: number };
  let other: { sessionToken: string };

  beforeAll(async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true, errorBlock: true });
    gateway = await buildTestGateway({}, { clock, simulator: sim });
    const signedIn = await signInTestUser(gateway);
    bad = { sessionToken: signedIn.sessionToken, division: signedIn.session.currentDivision! };
    const second = sim.data.users.find(
      (user) =>
        user.userId !== sim.data.primaryUserId &&
        user.divisions.includes(bad.division) &&
        user.endDate === null,
    )!;
    other = { sessionToken: (await signInTestUser(gateway, { userId: second.userId })).sessionToken };
  });
  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  const query = (select: string, division: number) =>
    `/api/v1/query?resource=users/Users&select=${enc(select)}&division=${division}`;
  const upstream4xx = () =>
    sim.log.filter({ kind: "api", endpoint: "users/Users" }).filter((entry) => entry.status >= 400);

  it("15 identical bad queries: one upstream 4xx, the same clear error each time, no block", async () => {
    sim.log.reset();
    const answers = [];
    for (let i = 0; i < 15; i += 1) {
      answers.push(await callApi(gateway, bad.sessionToken, query("NoSuchField", bad.division)));
    }
    expect(answers.map((answer) => answer.status)).toEqual(Array(15).fill(400));
    expect(new Set(answers.map((answer) => answer.body.error?.message)).size).toBe(1);
    expect(answers[0].body.error?.code).toBe("exact_error");
    expect(upstream4xx()).toHaveLength(1);
    expect(sim.log.tooManyRequests()).toBe(0);
  });

  it("Refresh all (DELETE /api/v1/cache) forgets the remembered answer: the next try reaches Exact", async () => {
    sim.log.reset();
    expect((await callApi(gateway, bad.sessionToken, "/api/v1/cache", { method: "DELETE" })).status).toBe(
      204,
    );
    const again = await callApi(gateway, bad.sessionToken, query("NoSuchField", bad.division));
    expect(again.status).toBe(400);
    expect(upstream4xx()).toHaveLength(1);
  });

  it("different bad queries: refused locally at QUERY's 3 of the 5 errors an hour, naming endpoint, division and time", async () => {
    sim.log.reset();
    const answers = [];
    for (let i = 0; i < 8; i += 1) {
      answers.push(await callApi(gateway, bad.sessionToken, query(`Bad${i}`, bad.division)));
    }
    // Two errors were counted above; QUERY may use 3 of the endpoint's 5 (the rest stays for the
    // built-in functions): one more reaches Exact, then EOL stops.
    expect(answers[0].body.error?.code).toBe("exact_error");
    const refused = answers.slice(1);
    expect(refused.map((answer) => answer.status)).toEqual(Array(7).fill(429));
    expect(refused[0].body.error?.code).toBe("error_limit_reached");
    expect(refused[0].body.error?.message).toMatch(
      new RegExp(
        `users/Users in division ${bad.division}.*try again after \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC`,
      ),
    );
    expect(upstream4xx()).toHaveLength(1);
    expect(sim.log.tooManyRequests()).toBe(0);
    // Even a correct query for that endpoint waits: Exact counts per endpoint, whatever the query.
    const good = await callApi(gateway, bad.sessionToken, query("FullName", bad.division));
    expect(good.body.error?.code).toBe("error_limit_reached");
  });

  it("a second user of the same app and division keeps working at normal speed", async () => {
    sim.log.reset();
    const started = clock.now();
    const answer = await callApi(gateway, other.sessionToken, query("FullName", bad.division), {
      noCache: true,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.rows.length).toBeGreaterThan(0);
    // No wait for a budget reset (the virtual clock only moves for simulated latency and waits).
    expect(clock.now() - started).toBeLessThan(1000);
    expect(sim.log.count({ kind: "api", clientId: DEMO_APP.clientId, status: 200 })).toBeGreaterThan(0);
  });

  it("the limit lifts an hour after the errors: the bad user's correct query works again", async () => {
    clock.advance(3_600_001);
    const good = await callApi(gateway, bad.sessionToken, query("FullName", bad.division), {
      noCache: true,
    });
    expect(good.status).toBe(200);
    expect(sim.log.tooManyRequests()).toBe(0);
  });
});

/**
 * Issue 13 (2): Exact's error block (the simulator's unverified shape: 429 without rate-limit headers)
 * is recognised — its own error with the reset time, no retries, the shared minute budget untouched —
 * and remembered, so nothing more is sent into it.
 */
import { VirtualClock } from "../../../src/shared/clock";
import { DEMO_APP, startSimulator, type RunningSimulator } from "../../../src/simulator";
import { ProcessRateBudget } from "../../../src/gateway/scheduler/processRateBudget";
import { ExactClient, resourceUrl } from "../../../src/gateway/exact/client";
import { ErrorBudget } from "../../../src/gateway/exact/errorBudget";
import { RateScheduler } from "../../../src/gateway/scheduler/scheduler";
import { sessionFor } from "../../support/api/harness";
import { SimTokenSource } from "../../support/api/simTokens";

describe("Exact's error block", () => {
  let clock: VirtualClock;
  let sim: RunningSimulator;

  beforeEach(async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1, errorBlock: true });
    sim.apps.addRedirectUri(DEMO_APP.clientId, SimTokenSource.redirectUri);
  });
  afterEach(() => sim.close());

  function clientFor(tokens: SimTokenSource, scheduler: RateScheduler): ExactClient {
    return new ExactClient({
      clock,
      tokens,
      scheduler,
      assertAllowedUpstream: () => undefined,
      maxAttempts: 4,
      timeoutMs: 5000,
      backoffBaseMs: 200,
      errorBudget: new ErrorBudget({ clock }),
      rateBudget: new ProcessRateBudget(),
    });
  }

  it("is its own error with the reset time, never retried, and leaves the division's budget alone", async () => {
    sim.setAutoApprove({ userId: sim.data.primaryUserId });
    const tokens = await SimTokenSource.signIn(sim.url, DEMO_APP);
    const session = sessionFor(sim, sim.data.primaryUserId, "chain-blocked");
    const division = session.currentDivision!;
    // Another tool of the same user and app trips the block with ten bad calls.
    const token = await tokens.getAccessToken();
    for (let i = 0; i < 10; i += 1) {
      const url = resourceUrl(sim.url, division, "users/Users", { $select: `Bad${i}` });
      const res = await fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: "application/json" },
      });
      expect(res.status).toBe(400);
    }
    const scheduler = new RateScheduler({ clock, concurrency: 8 });
    const client = clientFor(tokens, scheduler);
    sim.log.reset();
    const started = clock.now();
    const error = await client
      .getAll(session, division, "users/Users", { $select: "FullName" })
      .catch((e) => e);
    expect(error).toMatchObject({ status: 429, code: "exact_blocked" });
    expect(error.message).toMatch(
      new RegExp(`users/Users in division ${division}.*after \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC`),
    );
    expect(sim.log.count({ kind: "api" })).toBe(1); // no retries
    expect(clock.now() - started).toBeLessThan(1000); // no wait for a "minute reset"
    const budget = scheduler.budget(DEMO_APP.clientId, division);
    expect(budget.minuteRemaining).not.toBe(0);
    expect(budget.decide(clock.now())).toEqual({ kind: "send" });

    // Remembered: the next attempt is refused without a call.
    await expect(
      client.getAll(session, division, "users/Users", { $select: "FullName" }),
    ).rejects.toMatchObject({
      code: "exact_blocked",
    });
    expect(sim.log.count({ kind: "api" })).toBe(1);

    // Another user of the same app and division is not slowed: same scheduler, immediate answer.
    const second = sim.data.users.find(
      (user) =>
        user.userId !== sim.data.primaryUserId && user.divisions.includes(division) && user.endDate === null,
    )!;
    sim.setAutoApprove({ userId: second.userId });
    const otherTokens = await SimTokenSource.signIn(sim.url, DEMO_APP);
    const otherClient = clientFor(otherTokens, scheduler);
    const before = clock.now();
    const rows = await otherClient.getAll(
      sessionFor(sim, second.userId, "chain-other"),
      division,
      "users/Users",
      {
        $select: "FullName",
      },
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(clock.now() - before).toBeLessThan(1000);
    expect(sim.log.tooManyRequests()).toBe(1);
  });
});

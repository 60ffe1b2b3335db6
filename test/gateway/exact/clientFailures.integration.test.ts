/** How the Exact client ends when Exact keeps refusing: sign in again, daily limit, unavailable. */
import { VirtualClock } from "../../../src/shared/clock";
import { DEMO_APP, startSimulator, type RunningSimulator } from "../../../src/simulator";
import { ExactClient } from "../../../src/gateway/exact/client";
import { RateScheduler } from "../../../src/gateway/scheduler/scheduler";
import { clientHarness, inProcessGuards, sessionFor } from "../../support/api/harness";
import { SimTokenSource } from "../../support/api/simTokens";

describe("Exact client failure endings (simulator)", () => {
  let sim: RunningSimulator;
  let clock: VirtualClock;

  afterEach(() => sim.close());

  it("401, refresh refused because the chain was replaced → reauth_required (refresh tried once)", async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1 });
    const { client, session, tokens } = await clientHarness(sim, clock);
    await SimTokenSource.signIn(sim.url, DEMO_APP); // same user authorises again: the first chain dies
    clock.advance(601_000);
    await expect(
      client.getAll(session, session.currentDivision, "users/Users", { $select: "UserID" }),
    ).rejects.toMatchObject({
      status: 401,
      code: "reauth_required",
      message: expect.stringMatching(/sign in again/i),
    });
    expect(tokens.refreshes).toBe(1);
  });

  it("401 again after the one refresh → reauth_required, no second refresh", async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1 });
    let refreshes = 0;
    const client = new ExactClient({
      clock,
      tokens: {
        getAccessToken: async () => "not-a-valid-token",
        refreshAfterUnauthorized: async () => {
          refreshes += 1;
          return "still-not-valid";
        },
      },
      scheduler: new RateScheduler({ clock, concurrency: 4 }),
      assertAllowedUpstream: () => undefined,
      maxAttempts: 3,
      timeoutMs: 2000,
      backoffBaseMs: 10,
      ...inProcessGuards(clock),
    });
    const session = sessionFor(sim, sim.data.primaryUserId, "chain");
    await expect(
      client.getAll(session, session.currentDivision, "users/Users", { $select: "UserID" }),
    ).rejects.toMatchObject({
      code: "reauth_required",
    });
    expect(refreshes).toBe(1);
    expect(sim.log.count({ kind: "api", status: 401 })).toBe(2);
  });

  it("daily budget spent → fails fast naming the reset time, without sending into a 429", async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1, dayLimit: 3 });
    const { client, session } = await clientHarness(sim, clock);
    const division = session.currentDivision!;
    for (let i = 0; i < 3; i += 1)
      await client.getAll(session, division, "users/Users", { $select: "UserID" });
    sim.log.reset();
    const tomorrow = new Date(Math.floor(clock.now() / 86_400_000 + 1) * 86_400_000).toISOString();
    await expect(
      client.getAll(session, division, "users/Users", { $select: "UserID" }),
    ).rejects.toMatchObject({
      status: 429,
      code: "daily_limit_reached",
      message: `Exact Online's daily call limit for division ${division} is used up. It resets at ${tomorrow}.`,
    });
    expect(sim.log.count({ kind: "api" })).toBe(0);
  });

  it("5xx on every attempt → exact_unavailable after the configured attempts, with backoff on the clock", async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1 });
    const { client, session } = await clientHarness(sim, clock, { maxAttempts: 4 });
    sim.setFaults("503:1");
    sim.log.reset();
    const started = clock.now();
    await expect(
      client.getAll(session, session.currentDivision, "users/Users", { $select: "UserID" }),
    ).rejects.toMatchObject({
      status: 502,
      code: "exact_unavailable",
      message: "Exact Online unavailable: no good answer after 4 attempts. Try again in a few minutes.",
    });
    expect(sim.log.count({ kind: "api" })).toBe(4);
    // Backoff base 200 ms doubling, jitter 0.5: 150 + 300 + 600 ms of clock time between the attempts.
    expect(clock.now() - started).toBe(1050);
  });
});

describe("Exact client against a budget other apps keep eating (stubbed Exact)", () => {
  it("waits for each reset, then gives up with a clear message instead of looping", async () => {
    const clock = new VirtualClock();
    let calls = 0;
    const fetchImpl = (async () => {
      calls += 1;
      const reset = Math.floor(clock.now() / 60_000 + 1) * 60_000;
      return new Response("", {
        status: 429,
        headers: {
          "X-RateLimit-Minutely-Limit": "60",
          "X-RateLimit-Minutely-Remaining": "0",
          "X-RateLimit-Minutely-Reset": String(reset),
        },
      });
    }) as typeof fetch;
    const client = new ExactClient({
      clock,
      tokens: { getAccessToken: async () => "t", refreshAfterUnauthorized: async () => "t" },
      scheduler: new RateScheduler({ clock, concurrency: 2 }),
      assertAllowedUpstream: () => undefined,
      maxAttempts: 3,
      timeoutMs: 1000,
      backoffBaseMs: 10,
      ...inProcessGuards(clock),
      fetchImpl,
    });
    const session = {
      sessionId: "s",
      userId: "u",
      userName: "u",
      chainId: "c",
      clientId: "app",
      country: "demo" as const,
      exactBaseUrl: "http://127.0.0.1:9",
      currentDivision: 7,
    };
    const started = clock.now();
    await expect(client.getAll(session, 7, "users/Users", { $select: "UserID" })).rejects.toMatchObject({
      status: 503,
      code: "exact_unavailable",
      message:
        "Exact Online kept refusing calls for division 7 (its minute limit is shared with other apps). Try again in a minute.",
    });
    expect(calls).toBe(6); // the first try and five waits for a reset
    expect(clock.now() - started).toBe(5 * 60_000);
  });
});

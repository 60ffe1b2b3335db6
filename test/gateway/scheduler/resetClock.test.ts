/**
 * Issue 13 (7): rate-limit resets are read relative to the answer's Date header, and a spent minute
 * budget resets at the latest 61 s later whatever the headers say.
 */
import { VirtualClock } from "../../../src/shared/clock";
import { ExactClient } from "../../../src/gateway/exact/client";
import { inProcessGuards } from "../../support/api/harness";
import { readRateLimitHeaders } from "../../../src/gateway/scheduler/rateLimitHeaders";
import { DivisionBudget } from "../../../src/gateway/scheduler/budget";
import { RateScheduler } from "../../../src/gateway/scheduler/scheduler";

const now = Date.UTC(2026, 0, 1, 9, 0, 30);

test("reset times move onto our clock using the Date header", () => {
  const exactNow = now + 60_000; // Exact's clock a minute ahead of ours
  const headers = new Headers({
    date: new Date(exactNow).toUTCString(),
    "x-ratelimit-minutely-reset": String(exactNow + 30_000),
    "x-ratelimit-reset": String(exactNow + 3_600_000),
  });
  const snapshot = readRateLimitHeaders(headers, now);
  expect(snapshot.minuteResetAt).toBe(now + 30_000);
  expect(snapshot.dayResetAt).toBe(now + 3_600_000);
  // Without a Date header the values are taken as they are.
  expect(readRateLimitHeaders(new Headers({ "x-ratelimit-minutely-reset": "5" }), now).minuteResetAt).toBe(5);
});

test("a spent minute budget resets within 61 s even when a header claims much later", () => {
  const budget = new DivisionBudget(1);
  budget.learn(
    {
      dayLimit: null,
      dayRemaining: null,
      dayResetAt: null,
      minuteLimit: 60,
      minuteRemaining: 0,
      minuteResetAt: now + 10 * 60_000,
    },
    now,
  );
  expect(budget.decide(now)).toEqual({ kind: "wait", until: now + 61_000 });
  expect(budget.decide(now + 61_000)).toEqual({ kind: "send" });
});

test("with Exact's clock a minute ahead, a client that hit the minute limit goes on after one reset", async () => {
  const clock = new VirtualClock(now);
  let calls = 0;
  const fetchImpl = (async () => {
    calls += 1;
    const exactNow = clock.now() + 60_000;
    const reset = Math.floor(exactNow / 60_000 + 1) * 60_000;
    const headers = {
      date: new Date(exactNow).toUTCString(),
      "x-ratelimit-minutely-limit": "60",
      "x-ratelimit-minutely-reset": String(reset),
    };
    if (calls === 1) {
      return new Response("", {
        status: 429,
        headers: { ...headers, "x-ratelimit-minutely-remaining": "0" },
      });
    }
    return new Response(JSON.stringify({ d: { results: [{ ID: 1 }] } }), {
      status: 200,
      headers: { ...headers, "x-ratelimit-minutely-remaining": "59", "content-type": "application/json" },
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
    country: "nl" as const,
    exactBaseUrl: "https://start.exactonline.nl",
    currentDivision: 1,
  };
  const rows = await client.getAll(session, 1, "crm/Accounts", { $select: "ID" });
  expect(rows).toEqual([{ ID: 1 }]);
  expect(calls).toBe(2);
  // Waited until the reset as seen on our clock (≤ 30 s here), not Exact's absolute time + a minute.
  expect(clock.now() - now).toBeLessThanOrEqual(31_000);
});

test("answers of one window whose resets jitter by the Date header's second stay one window", () => {
  const budget = new DivisionBudget(1);
  const snapshot = (minuteRemaining: number, minuteResetAt: number) => ({
    dayLimit: null,
    dayRemaining: null,
    dayResetAt: null,
    minuteLimit: 60,
    minuteRemaining,
    minuteResetAt,
  });
  budget.learn(snapshot(10, now + 30_000), now);
  // An older answer (more left) whose reset came out 0.8 s later after the Date shift: not a new window.
  budget.learn(snapshot(30, now + 30_800), now);
  expect(budget.minuteRemaining).toBe(10);
  // A minute on, it is a new window.
  budget.learn(snapshot(59, now + 90_000), now + 31_000);
  expect(budget.minuteRemaining).toBe(59);
  // Clocks within 2 s of each other are taken as agreeing: no shift at all.
  const headers = new Headers({ date: new Date(now - 999).toUTCString(), "x-ratelimit-minutely-reset": "7" });
  expect(readRateLimitHeaders(headers, now).minuteResetAt).toBe(7);
});

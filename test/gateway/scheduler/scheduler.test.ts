import { VirtualClock } from "../../../src/shared/clock";
import { RateScheduler } from "../../../src/gateway/scheduler/scheduler";
import { DivisionBudget } from "../../../src/gateway/scheduler/budget";
import { GatewayError } from "../../../src/gateway/errors";

const MINUTE = 60_000;

function snapshot(now: number, minuteRemaining: number, dayRemaining = 4000) {
  return {
    dayLimit: 5000,
    dayRemaining,
    dayResetAt: Math.floor(now / 86_400_000 + 1) * 86_400_000,
    minuteLimit: 60,
    minuteRemaining,
    minuteResetAt: Math.floor(now / MINUTE + 1) * MINUTE,
  };
}

describe("DivisionBudget", () => {
  it("sends while budget is left, waits for the minute reset when spent, fails fast when the day is spent", () => {
    const now = Date.UTC(2026, 0, 1, 9, 0, 30);
    const budget = new DivisionBudget(1);
    expect(budget.decide(now)).toEqual({ kind: "send" }); // nothing known yet
    budget.learn(snapshot(now, 1), now);
    budget.take(now);
    expect(budget.decide(now)).toEqual({ kind: "wait", until: Date.UTC(2026, 0, 1, 9, 1, 0) });
    expect(budget.decide(Date.UTC(2026, 0, 1, 9, 1, 0))).toEqual({ kind: "send" }); // new window
    budget.learn(snapshot(now, 10, 0), now);
    expect(budget.decide(now)).toEqual({ kind: "dayExhausted", resetAt: Date.UTC(2026, 0, 2) });
  });

  it("never raises what is left in the same window from an older answer", () => {
    const now = Date.UTC(2026, 0, 1, 9, 0, 0);
    const budget = new DivisionBudget(1);
    budget.learn(snapshot(now, 10), now);
    budget.learn(snapshot(now, 30), now);
    expect(budget.minuteRemaining).toBe(10);
  });

  it("does not trust a reset that is already past or far ahead by our clock", () => {
    const now = Date.UTC(2026, 0, 1, 9, 0, 30);
    const budget = new DivisionBudget(1);
    budget.markMinuteSpent(now - 5000, now); // Exact's clock is behind ours
    expect(budget.decide(now)).toEqual({ kind: "wait", until: now + 1000 });
    const ahead = new DivisionBudget(2);
    ahead.markMinuteSpent(now + 10 * 60_000, now);
    expect(ahead.decide(now)).toEqual({ kind: "wait", until: now + 61_000 });
  });
});

describe("RateScheduler", () => {
  it("keeps more than 60 calls to one division within its budget by waiting on the clock", async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1, 9, 0, 10));
    const scheduler = new RateScheduler({ clock, concurrency: 8 });
    // A fake Exact: 60 a minute, fixed clock-minute windows; counts what would have been a 429.
    let windowStart = -1;
    let used = 0;
    let tooMany = 0;
    const call = async (budget: DivisionBudget) => {
      const now = clock.now();
      const window = Math.floor(now / MINUTE);
      if (window !== windowStart) {
        windowStart = window;
        used = 0;
      }
      used += 1;
      if (used > 60) tooMany += 1;
      await new Promise((resolve) => setImmediate(resolve));
      budget.learn(snapshot(now, Math.max(0, 60 - used)), now);
      return now;
    };
    const times = await Promise.all(Array.from({ length: 150 }, () => scheduler.schedule("app", 7, call)));
    expect(tooMany).toBe(0);
    expect(times).toHaveLength(150);
    expect(Math.max(...times) - Date.UTC(2026, 0, 1, 9, 0, 0)).toBeGreaterThanOrEqual(2 * MINUTE);
  });

  it("bounds concurrency and serves divisions round-robin", async () => {
    const clock = new VirtualClock();
    const scheduler = new RateScheduler({ clock, concurrency: 2 });
    let active = 0;
    let maxActive = 0;
    const order: number[] = [];
    const job = (division: number) => async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      order.push(division);
      await new Promise((resolve) => setImmediate(resolve));
      active -= 1;
    };
    const jobs = [
      ...Array.from({ length: 6 }, () => scheduler.schedule("app", 1, job(1))),
      ...Array.from({ length: 2 }, () => scheduler.schedule("app", 2, job(2))),
      ...Array.from({ length: 2 }, () => scheduler.schedule("app", 3, job(3))),
    ];
    await Promise.all(jobs);
    expect(maxActive).toBe(2);
    // Division 1 queued six calls first (two started at once), yet 2 and 3 are served in the next
    // round, not after all of division 1.
    expect(order.slice(0, 5)).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(order.lastIndexOf(1)).toBe(order.length - 1);
  });

  it("fails every queued call of a division whose daily budget is spent, naming the reset", async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1, 9, 0, 0));
    const scheduler = new RateScheduler({ clock, concurrency: 4 });
    scheduler.budget("app", 9).learn(snapshot(clock.now(), 60, 0), clock.now());
    let sent = 0;
    const failure = scheduler.schedule("app", 9, async () => (sent += 1));
    await expect(failure).rejects.toBeInstanceOf(GatewayError);
    await expect(scheduler.schedule("app", 9, async () => 1)).rejects.toMatchObject({
      status: 429,
      code: "daily_limit_reached",
      message: expect.stringContaining("2026-01-02T00:00:00.000Z"),
    });
    expect(sent).toBe(0);
    // Another division and another client ID are unaffected.
    await expect(scheduler.schedule("app", 10, async () => "ok")).resolves.toBe("ok");
    await expect(scheduler.schedule("other", 9, async () => "ok")).resolves.toBe("ok");
  });

  it("shares one budget per (client ID, division) and lists used budgets per client ID", async () => {
    const clock = new VirtualClock();
    const scheduler = new RateScheduler({ clock, concurrency: 4 });
    expect(scheduler.budget("app", 1)).toBe(scheduler.budget("app", 1));
    expect(scheduler.budget("app", 1)).not.toBe(scheduler.budget("other", 1));
    await scheduler.schedule("app", 1, async () => 1);
    expect(scheduler.budgetsOf("app").map((budget) => budget.division)).toEqual([1]);
    expect(scheduler.budgetsOf("other")).toEqual([]);
  });

  it("puts a call without a division (what a join waits for) ahead of queued division calls", async () => {
    const clock = new VirtualClock();
    const scheduler = new RateScheduler({ clock, concurrency: 1 });
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = scheduler.schedule("app", 1, () => new Promise<void>((resolve) => (release = resolve)));
    const queued = [2, 3, 4].map((division) =>
      scheduler.schedule("app", division, async () => void order.push(`division ${division}`)),
    );
    const directory = scheduler.schedule("app", null, async () => void order.push("no division"));
    release();
    await Promise.all([first, ...queued, directory]);
    expect(order).toEqual(["no division", "division 2", "division 3", "division 4"]);
  });
});

describe("RateScheduler and a request that gives up", () => {
  it("takes the request's waiting calls out of the queue at once, even while the division waits for the clock", async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1, 9, 0, 30));
    const scheduler = new RateScheduler({ clock, concurrency: 1 });
    // The minute is spent: calls of division 1 wait for the reset, 30 s away on the virtual clock.
    const budget = scheduler.budget("app", 1);
    budget.learn(snapshot(clock.now(), 0), clock.now());
    const caller = new AbortController();
    const ran: string[] = [];
    const waiting = scheduler.schedule("app", 1, async () => ran.push("gave up"), "alice", caller.signal);
    const other = scheduler.schedule("app", 1, async () => ran.push("other"), "bob");
    caller.abort(new Error("The request ended."));
    await expect(waiting).rejects.toThrow("The request ended.");
    expect(clock.now()).toBe(Date.UTC(2026, 0, 1, 9, 0, 30)); // refused before the clock moved
    await other; // the other user's call still runs once the minute resets
    expect(ran).toEqual(["other"]);
  });

  it("refuses a call whose request had already given up", async () => {
    const scheduler = new RateScheduler({ clock: new VirtualClock(0), concurrency: 1 });
    const ran: number[] = [];
    await expect(
      scheduler.schedule("app", 1, async () => ran.push(1), "alice", AbortSignal.abort(new Error("gone"))),
    ).rejects.toThrow("gone");
    expect(ran).toEqual([]);
  });
});

/**
 * Sends Exact calls under four rules: a budget per (client ID, division) shared by every session of that
 * client ID, a bounded global concurrency, round-robin fairness across divisions (one busy division cannot
 * starve the others), and fair shares inside a division: the users (token chains) waiting on one budget
 * are served in turn, and no user may take the last `minuteReserve` calls of a division's minute, so one
 * user's loop cannot leave another waiting for the next minute. A division whose minute budget is spent
 * waits on the clock until Exact's reset instead of sending into a 429; a spent daily budget fails fast.
 */
import type { Clock } from "../../shared/clock";
import { ASSUMED_MINUTE_LIMIT, dailyLimitError, DivisionBudget } from "./budget";

interface Job {
  run: (budget: DivisionBudget) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** Stops watching the caller's signal once the call has left the queue. */
  detach?: () => void;
}

interface Lane {
  budget: DivisionBudget;
  /** Waiting calls per user. */
  queues: Map<string, Job[]>;
  /** Parked until the budget allows a call (new calls wait with it). */
  waiting: boolean;
  /** Everyone waiting has had their share of the minute: woken at this minute's end, or by a new user. */
  sharesWaitUntil: number | null;
  /** The clock minute `started` counts, and how many calls each user started in it. */
  minute: number;
  started: Map<string, number>;
  /** When each user (of this minute) was last served, in turns: the least recently served goes next. */
  lastTurn: Map<string, number>;
  turns: number;
}

export interface SchedulerOptions {
  clock: Clock;
  /** Calls in flight to Exact at once, over all divisions. */
  concurrency: number;
  /** Calls of each division's minute budget one user cannot take: kept for the other users (default 0). */
  minuteReserve?: number;
}

const MINUTE_MS = 60_000;
/** Calls without a user (none of the gateway's own) share one turn. */
const NOBODY = "";

export function budgetKey(clientId: string, division: number | null): string {
  return `${clientId}|${division ?? "none"}`;
}

export class RateScheduler {
  private readonly lanes = new Map<string, Lane>();
  /** Keys of lanes with queued jobs, in round-robin order (and as a set for quick membership checks). */
  private readonly ready: string[] = [];
  private readonly readySet = new Set<string>();
  private active = 0;

  constructor(private readonly options: SchedulerOptions) {}

  /**
   * Runs `call` once the (clientId, division) budget, the concurrency limit and `user`'s turn among the
   * users waiting on that budget allow it.
   */
  schedule<T>(
    clientId: string,
    division: number | null,
    call: (budget: DivisionBudget) => Promise<T>,
    user: string = NOBODY,
    signal?: AbortSignal,
  ): Promise<T> {
    const key = budgetKey(clientId, division);
    const lane = this.lane(key, division);
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const job: Job = { run: call, resolve: resolve as (value: unknown) => void, reject };
      const queue = lane.queues.get(user);
      if (queue) queue.push(job);
      else lane.queues.set(user, [job]);
      // A request that gave up leaves the line at once, even while its division waits for the clock.
      if (signal) {
        const withdraw = () => this.withdraw(lane, user, job, signal.reason);
        signal.addEventListener("abort", withdraw, { once: true });
        job.detach = () => signal.removeEventListener("abort", withdraw);
      }
      if (!lane.waiting) this.markReady(key, lane);
      this.pump();
    });
  }

  /** Takes a call that has not started out of its queue (no-op once it has). */
  private withdraw(lane: Lane, user: string, job: Job, reason: unknown): void {
    const queue = lane.queues.get(user);
    const at = queue?.indexOf(job) ?? -1;
    if (!queue || at < 0) return;
    queue.splice(at, 1);
    if (queue.length === 0) lane.queues.delete(user);
    job.detach?.();
    job.reject(reason);
  }

  budget(clientId: string, division: number | null): DivisionBudget {
    return this.lane(budgetKey(clientId, division), division).budget;
  }

  /** Budgets of one client ID that have been used, for the status route. */
  budgetsOf(clientId: string): DivisionBudget[] {
    const prefix = `${clientId}|`;
    return [...this.lanes.entries()]
      .filter(([key, lane]) => key.startsWith(prefix) && lane.budget.lastUsedAt > 0)
      .map(([, lane]) => lane.budget);
  }

  /** The most calls of one division's minute one user may start (the rest is kept for the others). */
  userMinuteShare(budget: DivisionBudget): number {
    const limit = budget.minuteLimit ?? ASSUMED_MINUTE_LIMIT;
    return Math.max(1, limit - (this.options.minuteReserve ?? 0));
  }

  private lane(key: string, division: number | null): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      const budget = new DivisionBudget(division);
      lane = {
        budget,
        queues: new Map(),
        waiting: false,
        sharesWaitUntil: null,
        minute: 0,
        started: new Map(),
        lastTurn: new Map(),
        turns: 0,
      };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private pump(): void {
    // Each turn either starts a call (bounded by the concurrency) or drops a lane from the ready list.
    while (this.active < this.options.concurrency && this.ready.length > 0) {
      const key = this.ready.shift() as string;
      this.readySet.delete(key);
      const lane = this.lanes.get(key) as Lane;
      if (lane.queues.size === 0) continue;
      const now = this.options.clock.now();
      const decision = lane.budget.decide(now);
      if (decision.kind === "dayExhausted") {
        // Every queued call of this division would fail the same way: fail them all now.
        for (const queue of lane.queues.values()) {
          for (const queued of queue) {
            queued.detach?.();
            queued.reject(dailyLimitError(lane.budget.division, decision.resetAt));
          }
        }
        lane.queues.clear();
        continue;
      }
      if (decision.kind === "wait") {
        this.waitForReset(key, lane, decision.until);
        continue;
      }
      const user = this.nextUser(lane, now);
      if (user === null) {
        // Everyone waiting has had their share of this minute: the rest is kept for other users, whose
        // calls are still served at once (the lane is not parked).
        this.waitForShares(key, lane, (lane.minute + 1) * MINUTE_MS);
        continue;
      }
      const queue = lane.queues.get(user) as Job[];
      const job = queue.shift() as Job;
      if (queue.length === 0) lane.queues.delete(user);
      // Back of the line: the next call of this division goes to the user served least recently.
      lane.turns += 1;
      lane.lastTurn.set(user, lane.turns);
      lane.started.set(user, (lane.started.get(user) ?? 0) + 1);
      if (lane.queues.size > 0) this.markReady(key, lane); // and the division to the back: round-robin
      this.start(lane, job);
    }
  }

  /**
   * Other instances took `user`'s share of this division's minute (a budget shared on PostgreSQL): the
   * user's calls wait for the next minute here too, while other users' calls go on.
   */
  holdUser(clientId: string, division: number | null, user: string): void {
    const lane = this.lane(budgetKey(clientId, division), division);
    this.startMinute(lane, this.options.clock.now());
    lane.started.set(user, this.userMinuteShare(lane.budget));
  }

  private startMinute(lane: Lane, now: number): void {
    const minute = Math.floor(now / MINUTE_MS);
    if (minute === lane.minute) return;
    lane.minute = minute;
    lane.started.clear();
    lane.lastTurn.clear();
  }

  /** The waiting user served least recently who has not used their share of the minute, or null. */
  private nextUser(lane: Lane, now: number): string | null {
    this.startMinute(lane, now);
    const share = this.userMinuteShare(lane.budget);
    let next: string | null = null;
    let nextTurn = Infinity;
    for (const user of lane.queues.keys()) {
      const turn = lane.lastTurn.get(user) ?? 0;
      if ((lane.started.get(user) ?? 0) < share && turn < nextTurn) {
        next = user;
        nextTurn = turn;
      }
    }
    return next;
  }

  private markReady(key: string, lane: Lane): void {
    if (this.readySet.has(key)) return;
    this.readySet.add(key);
    // Calls without a division (current/Me, the users directory a join waits for) hold up other work:
    // they go to the front of the line, not behind every division of a wide fan-out.
    if (lane.budget.division === null) this.ready.unshift(key);
    else this.ready.push(key);
  }

  private start(lane: Lane, job: Job): void {
    job.detach?.();
    this.active += 1;
    lane.budget.take(this.options.clock.now());
    job
      .run(lane.budget)
      .then(job.resolve, job.reject)
      .finally(() => {
        lane.budget.settle();
        this.active -= 1;
        this.pump();
      });
  }

  private waitForShares(key: string, lane: Lane, until: number): void {
    if (lane.sharesWaitUntil === until) return;
    lane.sharesWaitUntil = until;
    const clock = this.options.clock;
    void clock.sleep(Math.max(0, until - clock.now())).then(() => {
      if (lane.sharesWaitUntil === until) lane.sharesWaitUntil = null;
      if (lane.queues.size > 0 && !lane.waiting) this.markReady(key, lane);
      this.pump();
    });
  }

  private waitForReset(key: string, lane: Lane, until: number): void {
    lane.waiting = true;
    const clock = this.options.clock;
    void clock.sleep(Math.max(0, until - clock.now())).then(() => {
      lane.waiting = false;
      if (lane.queues.size > 0) this.markReady(key, lane);
      this.pump();
    });
  }
}

/**
 * Sends Exact calls under three rules: a budget per (client ID, division) shared by every session of
 * that client ID, a bounded global concurrency, and round-robin fairness across divisions (one busy
 * division cannot starve the others). A division whose minute budget is spent waits on the clock until
 * Exact's reset instead of sending into a 429; a spent daily budget fails fast.
 */
import type { Clock } from "../../shared/clock";
import { dailyLimitError, DivisionBudget } from "./budget";

interface Job {
  run: (budget: DivisionBudget) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  budget: DivisionBudget;
  queue: Job[];
  waiting: boolean;
}

export interface SchedulerOptions {
  clock: Clock;
  /** Calls in flight to Exact at once, over all divisions. */
  concurrency: number;
}

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

  /** Runs `call` once the (clientId, division) budget and the concurrency limit allow it. */
  schedule<T>(
    clientId: string,
    division: number | null,
    call: (budget: DivisionBudget) => Promise<T>,
  ): Promise<T> {
    const key = budgetKey(clientId, division);
    const lane = this.lane(key, division);
    return new Promise<T>((resolve, reject) => {
      lane.queue.push({ run: call, resolve: resolve as (value: unknown) => void, reject });
      if (!lane.waiting) this.markReady(key, lane);
      this.pump();
    });
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

  private lane(key: string, division: number | null): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { budget: new DivisionBudget(division), queue: [], waiting: false };
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
      const job = lane.queue[0];
      if (!job) continue;
      const decision = lane.budget.decide(this.options.clock.now());
      if (decision.kind === "dayExhausted") {
        // Every queued call of this division would fail the same way: fail them all now.
        for (const queued of lane.queue.splice(0)) {
          queued.reject(dailyLimitError(lane.budget.division, decision.resetAt));
        }
        continue;
      }
      if (decision.kind === "wait") {
        this.waitForReset(key, lane, decision.until);
        continue;
      }
      lane.queue.shift();
      if (lane.queue.length > 0) this.markReady(key, lane); // back of the line: round-robin
      this.start(lane, job);
    }
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

  private waitForReset(key: string, lane: Lane, until: number): void {
    lane.waiting = true;
    const clock = this.options.clock;
    void clock.sleep(Math.max(0, until - clock.now())).then(() => {
      lane.waiting = false;
      if (lane.queue.length > 0) this.markReady(key, lane);
      this.pump();
    });
  }
}

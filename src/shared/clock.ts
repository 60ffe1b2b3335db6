/**
 * Time source shared by the gateway and the simulator. Tests and benchmarks pass one VirtualClock to
 * both, so token expiry (600 s), minute windows and waits for rate-limit resets take no real time.
 */
export interface Clock {
  now(): number;
  /** Waits `ms` of this clock's time (a VirtualClock jumps forward instead of waiting). */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * Discrete-event time: sleepers wake in order of their wake-up time, and the clock only jumps once the
 * process has been quiet for `settleMs` of real time — so work that starts "at the same moment" (eight
 * requests sent together) also overlaps in virtual time, as it would in real time.
 */
export class VirtualClock implements Clock {
  private current: number;
  private waiters: { target: number; resolve: () => void }[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    start: number | Date = Date.UTC(2026, 10, 23, 9, 0, 0),
    private readonly settleMs = 2,
  ) {
    this.current = typeof start === "number" ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error("A clock cannot go back");
    this.current += ms;
    this.wakeDue();
  }

  set(ms: number): void {
    if (ms < this.current) throw new Error("A clock cannot go back");
    this.current = ms;
    this.wakeDue();
  }

  sleep(ms: number): Promise<void> {
    const target = this.current + Math.max(0, ms);
    return new Promise((resolve) => {
      this.waiters.push({ target, resolve });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => this.flush(), this.settleMs);
  }

  /** Moves time to the earliest wake-up (never back) and wakes everyone due by then. */
  private flush(): void {
    this.flushTimer = null;
    if (this.waiters.length === 0) return;
    const next = Math.min(...this.waiters.map((waiter) => waiter.target));
    if (next > this.current) this.current = next;
    this.wakeDue();
  }

  private wakeDue(): void {
    const due = this.waiters.filter((waiter) => waiter.target <= this.current);
    if (due.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => waiter.target > this.current);
    for (const waiter of due) waiter.resolve();
    if (this.waiters.length > 0) this.scheduleFlush();
  }
}

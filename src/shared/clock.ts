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

export class VirtualClock implements Clock {
  private current: number;

  constructor(start: number | Date = Date.UTC(2026, 10, 23, 9, 0, 0)) {
    this.current = typeof start === "number" ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error("A clock cannot go back");
    this.current += ms;
  }

  set(ms: number): void {
    if (ms < this.current) throw new Error("A clock cannot go back");
    this.current = ms;
  }

  /** Moves time forward to the end of the wait (never back), after letting other work run first. */
  async sleep(ms: number): Promise<void> {
    const target = this.current + Math.max(0, ms);
    await new Promise((resolve) => setImmediate(resolve));
    if (target > this.current) this.current = target;
  }
}

/**
 * The progress of one request's fan-out, written to the progress board: at the start, then at most
 * every WRITE_INTERVAL_MS (a poll every second or so needs no more, and a shared board in PostgreSQL
 * gets ≤ 4 writes a second per request), and once at the end. Progress is a courtesy: a failed write
 * is logged and never fails the request.
 */
import type { FastifyBaseLogger } from "fastify";
import { PROGRESS_MIN_DIVISIONS } from "../../shared/api";
import type { Clock } from "../../shared/clock";
import type { ProgressBoard, ProgressEntry } from "./progressBoard";

export const WRITE_INTERVAL_MS = 250;
/** A running entry not written for this long belongs to a request that died with its instance. */
const RUNNING_TTL_MS = 10 * 60_000;
/** A finished entry stays this long, so the poll that follows the answer sees the end. */
const FINISHED_TTL_MS = 60_000;

export interface RequestProgressOptions {
  board: ProgressBoard;
  clock: Clock;
  log: FastifyBaseLogger;
  sessionId: string;
  requestId: string;
  table: string;
}

/** Fed by data/fanOut.ts (its FanOutProgress). */
export class RequestProgress {
  private done = 0;
  private total = 0;
  private reporting = false;
  private lastWriteAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  /** Writes go one after another, so the board never sees an older state after a newer one. */
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly options: RequestProgressOptions) {}

  /** A fan-out over `count` divisions begins (a request with several fan-outs adds them up). */
  start(count: number): void {
    this.total += count;
    if (this.total < PROGRESS_MIN_DIVISIONS) return;
    this.reporting = true;
    this.changed();
  }

  /** One division is done. */
  advance(): void {
    this.done += 1;
    if (this.reporting) this.changed();
  }

  /** The answer is about to go out: the final state (kept briefly), or the entry removed on failure. */
  async finish(succeeded: boolean): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.reporting) return;
    this.reporting = false;
    const { board, clock, sessionId, requestId } = this.options;
    this.enqueue(async () => {
      if (succeeded) await board.put(this.entry(true, FINISHED_TTL_MS));
      else await board.delete(sessionId, requestId);
      await board.purge(clock.now());
    });
    await this.writes;
  }

  private changed(): void {
    if (this.timer) return;
    const wait = this.lastWriteAt + WRITE_INTERVAL_MS - performance.now();
    if (wait <= 0) {
      this.write();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.reporting) this.write();
    }, wait);
    // A progress write never keeps the process alive (a closing gateway does not wait for it).
    this.timer.unref();
  }

  private write(): void {
    this.lastWriteAt = performance.now();
    const entry = this.entry(false, RUNNING_TTL_MS);
    this.enqueue(() => this.options.board.put(entry));
  }

  private enqueue(work: () => Promise<void>): void {
    this.writes = this.writes.then(work).catch((error: unknown) => {
      this.options.log.warn({ err: error }, "progress could not be recorded");
    });
  }

  private entry(finished: boolean, ttlMs: number): ProgressEntry {
    const { sessionId, requestId, table, clock } = this.options;
    const done = Math.min(this.done, this.total);
    return { sessionId, requestId, table, done, total: this.total, finished, expiresAt: clock.now() + ttlMs };
  }
}

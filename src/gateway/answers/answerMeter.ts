/**
 * One request's answer in the making. Every page fetched for it is weighed as it arrives: the bytes
 * are reserved from the gateway-wide memory budget, and pages that become answer rows count towards
 * the per-answer limits. Past either, the meter stops the request: its signal aborts (the Exact client
 * requests no further page, the fan-out starts no further division) and the error answers it.
 */
import { setMaxListeners } from "node:events";
import type { AnswerLimits, AnswerSize } from "./answerSize";
import { answerTooLarge, exceeds } from "./answerSize";
import { gatewayBusy, type MemoryBudget } from "./memoryBudget";

/** Where a fetch reports its pages: the answer's rows, or data the answer is computed from. */
export interface PageSink {
  readonly meter: AnswerMeter;
  readonly signal: AbortSignal;
  /** A page (or a whole cached listing) the request now holds; throws when the request must stop. */
  add(size: AnswerSize): void;
}

/** Where refusals are logged (a request's logger): warn level, sizes only. */
export interface MeterLog {
  warn(details: Record<string, unknown>, message: string): void;
}

const stoppedBy = new WeakMap<Error, AnswerMeter>();

/** The meter whose limit stopped a fetch with `error` (another request's, when a fetch was shared). */
export function meterThatStopped(error: unknown): AnswerMeter | null {
  return error instanceof Error ? (stoppedBy.get(error) ?? null) : null;
}

export class AnswerMeter {
  /** Made when first asked for: most answers come from the cache and never need one. */
  private controller: AbortController | null = null;
  private readonly counted: AnswerSize = { rows: 0, bytes: 0 };
  private held = 0;
  private built: AnswerSize | null = null;
  private closed = false;
  /** Pages that become rows of the answer (a query's records, a users listing). */
  readonly rows: PageSink;
  /** Pages the answer is computed from (role rows folded into holders): memory only. */
  readonly input: PageSink;

  constructor(
    readonly limits: AnswerLimits,
    private readonly budget: MemoryBudget,
    private readonly log: MeterLog,
  ) {
    const signalOf = () => this.signal;
    const sink = (counts: boolean): PageSink => ({
      meter: this,
      get signal() {
        return signalOf();
      },
      add: (size) => this.add(size, counts),
    });
    this.rows = sink(true);
    this.input = sink(false);
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      // Every call of a wide fan-out waiting in the scheduler watches this one signal: no leak, by design.
      setMaxListeners(0, this.controller.signal);
    }
    return this.controller.signal;
  }

  /** The answer's rows and bytes: as built once checked, else as counted while paging so far. */
  get size(): AnswerSize {
    return { ...(this.built ?? this.counted) };
  }

  /** The bytes this request holds in the memory budget. */
  get heldBytes(): number {
    return this.held;
  }

  private add(size: AnswerSize, counts: boolean): void {
    this.controller?.signal.throwIfAborted();
    if (!this.budget.tryReserve(size.bytes)) {
      const usage = this.budget.usage();
      this.log.warn(
        { heldBytes: this.held, usedBytes: usage.usedBytes, budgetBytes: usage.capacityBytes },
        "answer refused: the gateway's answer memory is full",
      );
      this.stop(gatewayBusy(this.budget));
    }
    this.held += size.bytes;
    if (!counts) return;
    this.counted.rows += size.rows;
    this.counted.bytes += size.bytes;
    if (exceeds(this.counted, this.limits)) this.refuseTooLarge(this.counted);
  }

  /** The assembled answer (computed answers are checked once built). */
  checkAnswer(size: AnswerSize): void {
    this.built = size;
    if (exceeds(size, this.limits)) this.refuseTooLarge(size);
  }

  /**
   * One listing from Exact alone passed the limits: no answer can hold it, whoever asked. Stops this
   * request like its own total would, but a request that shared the fetch need not try it again.
   */
  refuseListing(size: AnswerSize): never {
    this.refuseTooLarge(size, false);
  }

  private refuseTooLarge(size: AnswerSize, own = true): never {
    this.log.warn(
      {
        answerRows: size.rows,
        answerBytes: size.bytes,
        maxRows: this.limits.maxRows,
        maxBytes: this.limits.maxBytes,
      },
      "answer refused: too large",
    );
    this.stop(answerTooLarge(size, this.limits), own);
  }

  private stop(error: Error, own = true): never {
    if (own) stoppedBy.set(error, this);
    this.abortWith(error);
    // What it fetched is dropped with the error: another request may use the memory at once.
    this.release();
    throw error;
  }

  private release(): void {
    this.budget.release(this.held);
    this.held = 0;
  }

  /** The answer went (or the request ended): its bytes go back to the budget. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.release();
  }

  /**
   * The caller went away before its answer: nothing more is fetched for it (a request that shared one of
   * its fetches fetches for itself) and its bytes go back to the budget. Idempotent.
   */
  abandon(): void {
    if (!this.closed) {
      const ended = new Error("The caller went away.");
      stoppedBy.set(ended, this);
      this.abortWith(ended);
    }
    this.close();
  }

  /** Aborts the signal (made now if nothing asked for it yet, so a fetch started later sees it too). */
  private abortWith(reason: Error): void {
    const signal = this.signal;
    if (!signal.aborted) this.controller?.abort(reason);
  }
}

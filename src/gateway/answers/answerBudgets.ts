/**
 * The answer limits of this gateway: the per-answer limits, the memory budget all answers in the
 * making share, and a meter per request. `observe` hears every answer's size and outcome (for
 * operators' metrics), `usage` the budget's state.
 */
import type { AnswerLimits, AnswerSize } from "./answerSize";
import { AnswerMeter, type MeterLog } from "./answerMeter";
import { MemoryBudget } from "./memoryBudget";

export interface AnswerSettings extends AnswerLimits {
  /** Bytes all answers in the making may hold together (EOL_ANSWERS_IN_FLIGHT_BYTES). */
  inFlightBytes: number;
}

/** One finished request: the size its answer reached and how it ended. */
export interface AnswerRecord extends AnswerSize {
  status: number;
}

export class AnswerBudgets {
  readonly memory: MemoryBudget;
  private readonly observers: ((answer: AnswerRecord) => void)[] = [];

  constructor(readonly settings: AnswerSettings) {
    this.memory = new MemoryBudget(settings.inFlightBytes);
  }

  get limits(): AnswerLimits {
    return { maxRows: this.settings.maxRows, maxBytes: this.settings.maxBytes };
  }

  open(log: MeterLog): AnswerMeter {
    return new AnswerMeter(this.limits, this.memory, log);
  }

  /** Ends a request's meter and tells the observers what its answer weighed. */
  finish(meter: AnswerMeter, status: number): void {
    meter.close();
    const size = meter.size;
    for (const observer of this.observers) observer({ ...size, status });
  }

  /**
   * Hears every /api/v1 answer once it has gone: its rows and bytes (as sent, or as far as it got
   * before a refusal) and its status. For metrics; an observer must not throw.
   */
  observe(observer: (answer: AnswerRecord) => void): void {
    this.observers.push(observer);
  }
}

/**
 * The gateway's Prometheus metrics (prom-client), one registry per gateway instance. Labels are bounded:
 * status classes, 4xx codes, fixed outcomes, and divisions only up to DIVISION_LABEL_CAP (the rest
 * share "other"), so a gateway serving thousands of divisions keeps a fixed number of series.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { CacheLookup, GatewayTelemetry } from "../contracts";

/** Divisions that get their own queue-wait series; later ones are counted under "other". */
export const DIVISION_LABEL_CAP = 50;

export interface CacheSize {
  entries: number;
  /** Bytes held, as far as the cache measures them (0 when it does not). */
  bytes: number;
}

const statusClass = (status: number | null): string =>
  status === null ? "none" : `${Math.floor(status / 100)}xx`;

export class PrometheusTelemetry implements GatewayTelemetry {
  readonly registry = new Registry();
  private readonly divisions = new Set<string>();
  private cacheSize: () => CacheSize = () => ({ entries: 0, bytes: 0 });

  private readonly calls = this.counter(
    "eol_exact_calls_total",
    "HTTP calls to Exact by status class (none: network error or time-out).",
    ["status_class"],
  );
  private readonly rateLimited = this.counter(
    "eol_exact_rate_limited_total",
    "429 answers from Exact (rate limits and blocks).",
  );
  private readonly clientErrors = this.counter(
    "eol_exact_client_errors_total",
    "4xx answers from Exact by status.",
    ["status"],
  );
  private readonly refreshes = this.counter(
    "eol_token_refreshes_total",
    "Token refreshes at Exact by outcome (chain_ended: invalid_grant, the user must sign in again).",
    ["outcome"],
  );
  private readonly lookups = this.counter(
    "eol_cache_lookups_total",
    "Result-cache look-ups: hit, miss (fetched) or joined (a fetch already in flight).",
    ["result"],
  );
  private readonly answers = new Histogram({
    name: "eol_answer_bytes",
    help: "Size of /api answers in bytes.",
    buckets: [1_000, 10_000, 100_000, 500_000, 1_000_000, 5_000_000, 10_000_000, 50_000_000],
    registers: [this.registry],
  });
  private readonly waits = new Histogram({
    name: "eol_scheduler_wait_seconds",
    help: `Time a call to Exact waited for its division's budget and a slot (division: the first ${DIVISION_LABEL_CAP} seen, then "other").`,
    labelNames: ["division"],
    buckets: [0.01, 0.1, 0.5, 1, 5, 15, 30, 60, 120, 300],
    registers: [this.registry],
  });

  constructor(options: { processMetrics: boolean }) {
    const read = (): CacheSize => this.cacheSize();
    new Gauge({
      name: "eol_cache_entries",
      help: "Answers held in the result cache of this process.",
      registers: [this.registry],
      collect() {
        this.set(read().entries);
      },
    });
    new Gauge({
      name: "eol_cache_bytes",
      help: "Bytes held in the result cache of this process, as the cache measures them.",
      registers: [this.registry],
      collect() {
        this.set(read().bytes);
      },
    });
    // Process metrics (resident memory, heap, event-loop lag) only when someone can scrape them.
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  exactCall(status: number | null): void {
    this.calls.inc({ status_class: statusClass(status) });
    if (status === 429) this.rateLimited.inc();
    if (status !== null && status >= 400 && status < 500) this.clientErrors.inc({ status: String(status) });
  }

  queueWait(division: number | null, ms: number): void {
    this.waits.observe({ division: this.divisionLabel(division) }, ms / 1000);
  }

  tokenRefresh(outcome: "ok" | "chain_ended" | "failed"): void {
    this.refreshes.inc({ outcome });
  }

  cacheLookup(result: CacheLookup): void {
    this.lookups.inc({ result });
  }

  answerSize(bytes: number): void {
    this.answers.observe(bytes);
  }

  /** Where the cache gauges read from (the result cache is built after this). */
  watchCache(size: () => CacheSize): void {
    this.cacheSize = size;
  }

  private divisionLabel(division: number | null): string {
    if (division === null) return "none";
    const label = String(division);
    if (this.divisions.has(label)) return label;
    if (this.divisions.size >= DIVISION_LABEL_CAP) return "other";
    this.divisions.add(label);
    return label;
  }

  private counter(name: string, help: string, labelNames: string[] = []): Counter {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }
}

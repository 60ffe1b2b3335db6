/**
 * Service: the one road to Exact. One scheduler and one result cache per gateway (so every session of a
 * client ID shares its budgets), the Exact client on top, the data service the /api/v1 routes use, and
 * the session check's current/Me reader — all calls go client → scheduler → Exact.
 */
import fp from "fastify-plugin";
import type { GatewayConfig } from "../config/config";
import type { AnswerMeter } from "../answers/answerMeter";
import { AnswerBudgets, type AnswerSettings } from "../answers/answerBudgets";
import { ResultCache } from "../cache/resultCache";
import { ExactClient } from "../exact/client";
import { ErrorBudget, MemoryErrorLedger } from "../exact/errorBudget";
import { LookUpAllowance } from "../data/lookUpAllowance";
import { CurrentUserReader } from "../exact/me";
import { RateScheduler } from "../scheduler/scheduler";
import { DataService } from "../data/dataService";

const FAN_OUT_PER_SLOT = 8;

export interface DataApiSettings {
  /** Calls in flight to Exact at once (all divisions). */
  concurrency: number;
  cacheTtlMs: number;
  cacheMaxEntries: number;
  /** Bytes the cache keeps (answer sizes as JSON). */
  cacheMaxBytes: number;
  /** Limits of one answer and the memory all answers in the making share. */
  answers: AnswerSettings;
  /** Attempts per page for 5xx / network / time-out failures. */
  maxAttempts: number;
  /** Real-time limit per upstream HTTP call. */
  timeoutMs: number;
  backoffBaseMs: number;
}

/** The longest first wait before a retry, doubled for each further one (not a setting). */
const BACKOFF_BASE_MS = 500;

export function dataApiSettings(config: GatewayConfig): DataApiSettings {
  return {
    concurrency: config.exactConcurrency,
    cacheTtlMs: config.cacheTtlSeconds * 1000,
    cacheMaxEntries: config.cacheMaxEntries,
    cacheMaxBytes: config.answerLimits.cacheMaxBytes,
    answers: {
      maxRows: config.answerLimits.maxRows,
      maxBytes: config.answerLimits.maxBytes,
      inFlightBytes: config.answerLimits.inFlightBytes,
    },
    maxAttempts: config.exactRetries + 1,
    timeoutMs: config.exactTimeoutMs,
    backoffBaseMs: BACKOFF_BASE_MS,
  };
}

export interface ExactServices {
  scheduler: RateScheduler;
  cache: ResultCache;
  client: ExactClient;
  /** Cached, shared fetches for the data routes. */
  data: DataService;
  /** current/Me for the session check (≤ one call per chain per 30 s, shared by concurrent checks). */
  currentUser: CurrentUserReader;
  /** Answer limits, the memory answers share, a meter per request (and what each answer weighed). */
  answers: AnswerBudgets;
}

declare module "fastify" {
  interface FastifyInstance {
    exact: ExactServices;
  }
  interface FastifyRequest {
    /** The answer meter of an /api/v1 request (routes/api/v1/index.ts); null elsewhere. */
    eolAnswer: AnswerMeter | null;
  }
}

export default fp(
  async (app) => {
    const { clock, tokens, exactHosts, metrics } = app;
    const settings = dataApiSettings(app.config);
    const { sharing } = app.config;
    const scheduler = new RateScheduler({
      clock,
      concurrency: settings.concurrency,
      minuteReserve: sharing.minuteReserve,
    });
    const cache = new ResultCache({
      clock,
      ttlMs: settings.cacheTtlMs,
      maxEntries: settings.cacheMaxEntries,
      noCacheMinAgeMs: sharing.noCacheMinAgeSeconds * 1000,
      maxBytes: settings.cacheMaxBytes,
      shared: app.store.resultCache,
      onLookup: (result) => metrics.cacheLookup(result),
    });
    metrics.watchCache(() => ({ entries: cache.size, bytes: cache.bytes }));
    const warn = (fields: Record<string, unknown>, message: string) => app.log.warn(fields, message);
    // One ledger for error counts and look-up counts: shared by every gateway on the store, if it has one.
    const ledger = app.store.errorLedger ?? new MemoryErrorLedger(clock);
    const client = new ExactClient({
      clock,
      tokens,
      scheduler,
      assertAllowedUpstream: (url) => {
        exactHosts.assertAllowed(url);
      },
      maxAttempts: settings.maxAttempts,
      timeoutMs: settings.timeoutMs,
      backoffBaseMs: settings.backoffBaseMs,
      // A store shared by several gateways may share the error counts too.
      errorBudget: new ErrorBudget({
        clock,
        ledger,
        divisionLimit: sharing.divisionErrorLimit,
        exactCounts: sharing.exactErrorCounting,
        warn,
      }),
      // …and the rate budgets (every call is reserved in the store first).
      rateBudget: app.store.rateBudget,
      telemetry: metrics,
    });
    const answers = new AnswerBudgets(settings.answers);
    app.decorateRequest("eolAnswer", null);
    app.decorate("exact", {
      scheduler,
      cache,
      client,
      // Divisions started at once: enough to keep every scheduler slot busy across divisions (a division's
      // work is several calls in a row), few enough that a failure stops the rest from starting.
      data: new DataService(
        client,
        cache,
        clock,
        settings.concurrency * FAN_OUT_PER_SLOT,
        new LookUpAllowance(clock, ledger, sharing.lookupsPerUserHour, warn),
        answers.limits,
      ),
      currentUser: new CurrentUserReader(client, clock),
      answers,
    });
  },
  {
    name: "eol-exact",
    dependencies: ["eol-config", "eol-store", "eol-metrics", "eol-exact-hosts", "eol-tokens"],
    fastify: "5.x",
  },
);

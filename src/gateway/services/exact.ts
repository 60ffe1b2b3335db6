/**
 * Service: the one road to Exact. One scheduler and one answer cache per gateway (so every session of a
 * client ID shares its budgets), the Exact client on top, the data service the /api/v1 routes use, and
 * the session check's current/Me reader — all calls go client → scheduler → Exact. The answer cache,
 * error ledger, remembered errors, rate budget and recent current/Me reads come from the coordination,
 * as they are: shared by every instance on PostgreSQL, else this process's.
 */
import fp from "fastify-plugin";
import type { GatewayConfig } from "../config/config";
import type { AnswerMeter } from "../answers/answerMeter";
import { AnswerBudgets, type AnswerSettings } from "../answers/answerBudgets";
import type { AnswerCache } from "../cache/resultCache";
import { ExactClient } from "../exact/client";
import { ErrorBudget } from "../exact/errorBudget";
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
  cache: AnswerCache;
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
    const { clock, tokens, exactHosts, metrics, coordination } = app;
    const settings = dataApiSettings(app.config);
    const { sharing } = app.config;
    const scheduler = new RateScheduler({
      clock,
      concurrency: settings.concurrency,
      minuteReserve: sharing.minuteReserve,
    });
    const cache = coordination.answerCache({
      clock,
      ttlMs: settings.cacheTtlMs,
      maxEntries: settings.cacheMaxEntries,
      noCacheMinAgeMs: sharing.noCacheMinAgeSeconds * 1000,
      maxBytes: settings.cacheMaxBytes,
      onLookup: (result) => metrics.cacheLookup(result),
    });
    metrics.watchCache(() => ({ entries: cache.size, bytes: cache.bytes }));
    const warn = (fields: Record<string, unknown>, message: string) => app.log.warn(fields, message);
    // One ledger for error counts and look-up counts (shared by every instance on PostgreSQL).
    const ledger = coordination.errorLedger;
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
      errorBudget: new ErrorBudget({
        clock,
        ledger,
        remembered: coordination.rememberedErrors,
        divisionLimit: sharing.divisionErrorLimit,
        exactCounts: sharing.exactErrorCounting,
        warn,
      }),
      rateBudget: coordination.rateBudget,
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
      currentUser: new CurrentUserReader(client, coordination.currentUsers),
      answers,
    });
  },
  {
    name: "eol-exact",
    dependencies: ["eol-config", "eol-coordination", "eol-metrics", "eol-exact-hosts", "eol-tokens"],
    fastify: "5.x",
  },
);

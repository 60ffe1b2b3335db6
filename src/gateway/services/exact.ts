/**
 * Service: the one road to Exact. One scheduler and one result cache per gateway (so every session of a
 * client ID shares its budgets), the Exact client on top, the data service the /api/v1 routes use, and
 * the session check's current/Me reader — all calls go client → scheduler → Exact.
 */
import fp from "fastify-plugin";
import type { GatewayConfig } from "../config";
import type { AnswerMeter } from "../answers/answerMeter";
import { AnswerBudgets, type AnswerSettings } from "../answers/answerBudgets";
import { ResultCache } from "../cache/resultCache";
import { ExactClient } from "../exact/client";
import { ErrorBudget } from "../exact/errorBudget";
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

export const DEFAULT_DATA_API_SETTINGS: DataApiSettings = {
  concurrency: 8,
  cacheTtlMs: 5 * 60_000,
  cacheMaxEntries: 10_000,
  cacheMaxBytes: 64 * 1_048_576,
  answers: { maxRows: 100_000, maxBytes: 5 * 1_048_576, inFlightBytes: 32 * 1_048_576 },
  maxAttempts: 4,
  timeoutMs: 30_000,
  backoffBaseMs: 500,
};

export function dataApiSettings(config: GatewayConfig): DataApiSettings {
  return {
    ...DEFAULT_DATA_API_SETTINGS,
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
    const { clock, tokens, exactHosts } = app;
    const settings = dataApiSettings(app.config);
    const scheduler = new RateScheduler({ clock, concurrency: settings.concurrency });
    const cache = new ResultCache({
      clock,
      ttlMs: settings.cacheTtlMs,
      maxEntries: settings.cacheMaxEntries,
      maxBytes: settings.cacheMaxBytes,
      shared: app.store.resultCache,
    });
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
      errorBudget: new ErrorBudget({ clock, ledger: app.store.errorLedger }),
      // …and the rate budgets (every call is reserved in the store first).
      rateBudget: app.store.rateBudget,
    });
    const answers = new AnswerBudgets(settings.answers);
    app.decorateRequest("eolAnswer", null);
    app.decorate("exact", {
      scheduler,
      cache,
      client,
      // Divisions started at once: enough to keep every scheduler slot busy across divisions (a division's
      // work is several calls in a row), few enough that a failure stops the rest from starting.
      data: new DataService(client, cache, clock, settings.concurrency * FAN_OUT_PER_SLOT, answers.limits),
      currentUser: new CurrentUserReader(client, clock),
      answers,
    });
  },
  {
    name: "eol-exact",
    dependencies: ["eol-config", "eol-store", "eol-exact-hosts", "eol-tokens"],
    fastify: "5.x",
  },
);

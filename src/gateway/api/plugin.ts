/**
 * Wires the data API: one scheduler and one cache per gateway (so every session of a client ID shares
 * its budgets), the Exact client, and the /api/v1 routes behind the session check.
 */
import type { FastifyInstance, preHandlerAsyncHookHandler } from "fastify";
import type { Clock } from "../../shared/clock";
import type { TokenSource } from "../contracts";
import type { GatewayConfig } from "../config";
import { ResultCache } from "../cache/resultCache";
import { ExactClient } from "../exact/client";
import { ErrorBudget, type ErrorLedger } from "../exact/errorBudget";
import { RateScheduler } from "../scheduler/scheduler";
import { DataService } from "./dataService";
import { registerDataRoutes } from "./routes";
import { requireSession } from "../auth/requireSession";
import { assertAllowedUpstream } from "../exactHosts";

export interface DataApiSettings {
  /** Calls in flight to Exact at once (all divisions). */
  concurrency: number;
  cacheTtlMs: number;
  cacheMaxEntries: number;
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
    maxAttempts: config.exactRetries + 1,
    timeoutMs: config.exactTimeoutMs,
  };
}

export interface DataApiDeps {
  clock: Clock;
  tokens: TokenSource;
  requireSession: preHandlerAsyncHookHandler;
  assertAllowedUpstream: (url: string) => void;
  fetchImpl?: typeof fetch;
  /** Where Exact's error answers are counted (shared between gateways through a store); memory by default. */
  errorLedger?: ErrorLedger;
}

export interface DataApi {
  scheduler: RateScheduler;
  cache: ResultCache;
  service: DataService;
}

export function registerDataApiRoutes(
  app: FastifyInstance,
  settings: DataApiSettings,
  deps: DataApiDeps,
): DataApi {
  const scheduler = new RateScheduler({ clock: deps.clock, concurrency: settings.concurrency });
  const cache = new ResultCache({
    clock: deps.clock,
    ttlMs: settings.cacheTtlMs,
    maxEntries: settings.cacheMaxEntries,
  });
  const client = new ExactClient({
    clock: deps.clock,
    tokens: deps.tokens,
    scheduler,
    assertAllowedUpstream: deps.assertAllowedUpstream,
    maxAttempts: settings.maxAttempts,
    timeoutMs: settings.timeoutMs,
    backoffBaseMs: settings.backoffBaseMs,
    fetchImpl: deps.fetchImpl,
    errorBudget: new ErrorBudget({ clock: deps.clock, ledger: deps.errorLedger }),
  });
  const service = new DataService(client, cache, deps.clock, settings.concurrency);
  registerDataRoutes(app, { service, scheduler, requireSession: deps.requireSession });
  return { scheduler, cache, service };
}

/** The gateway's registration: session check, token chains and clock from the sign-in services. */
export function registerDataApi(app: FastifyInstance, config: GatewayConfig): DataApi {
  const settings = dataApiSettings(config);
  const api = registerDataApiRoutes(app, settings, {
    clock: app.eolServices.clock,
    tokens: app.eolServices.tokens,
    requireSession,
    assertAllowedUpstream: (url) => {
      assertAllowedUpstream(url);
    },
  });
  app.decorate("eolData", api);
  return api;
}

declare module "fastify" {
  interface FastifyInstance {
    /** The data API's shared scheduler, cache and service (tests and the status route read them). */
    eolData: DataApi;
  }
}

/**
 * Builds the gateway from its plugins, in dependency order: infrastructure (plugins/), services
 * (services/), then the route plugins (routes/). No listening here, so tests can `inject()` into it
 * or start it themselves.
 */
import https from "node:https";
import Fastify, { type FastifyInstance, type FastifyServerFactory } from "fastify";
import { systemClock, type Clock } from "../shared/clock";
import type { RunningSimulator } from "../simulator";
import type { GatewayConfig } from "./config";
import { LOG_REDACT_PATHS, REQUEST_SERIALIZERS } from "./logging";
import configPlugin from "./plugins/config";
import errorsPlugin, { clientErrorHandler } from "./plugins/errors";
import httpPlugin from "./plugins/http";
import securityHeaders from "./plugins/securityHeaders";
import staticFiles from "./plugins/staticFiles";
import storePlugin from "./plugins/store";
import healthRoute from "./routes/health";
import authRoutes from "./routes/auth";
import apiV1Routes from "./routes/api/v1";
import exactPlugin from "./services/exact";
import exactHostsPlugin from "./services/exactHosts";
import sessionsPlugin from "./services/sessions";
import signInPlugin from "./services/signin";
import tokensPlugin from "./services/tokens";

export interface TlsOptions {
  key: Buffer;
  cert: Buffer;
}

export interface GatewayOptions {
  /** Time source shared with the simulator in tests (a VirtualClock). */
  clock?: Clock;
  /** A simulator the caller started; it plays country "demo" and is not closed with the gateway. */
  simulator?: RunningSimulator;
  /** Where the logs go instead of stdout (tests that check what is logged). */
  logStream?: NodeJS.WritableStream;
  /** How often expired sign-in records are purged (tests use a short interval). */
  purgeIntervalMs?: number;
}

export async function buildGateway(
  config: GatewayConfig,
  tls: TlsOptions | null,
  options: GatewayOptions = {},
): Promise<FastifyInstance> {
  // An https.Server is an http.Server to Fastify's types, so one instance type serves both.
  const serverFactory: FastifyServerFactory | undefined = tls
    ? (handler) => https.createServer(tls, handler)
    : undefined;
  const app = Fastify({
    serverFactory,
    logger: {
      level: config.logLevel,
      redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" },
      serializers: REQUEST_SERIALIZERS,
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: 16 * 1024,
    // Closed schemas refuse unknown fields instead of silently dropping them, and a body's number
    // stays a number (query values are text anyway): wrong types are refused, not converted.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    clientErrorHandler,
    // Behind a reverse proxy, request.ip (rate limits, logs) comes from X-Forwarded-For (README).
    trustProxy:
      typeof config.trustProxy === "number"
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
  });
  // Infrastructure
  await app.register(configPlugin, { config, clock: options.clock ?? systemClock });
  await app.register(errorsPlugin);
  await app.register(httpPlugin);
  await app.register(securityHeaders, { https: !!tls || config.publicUrl.startsWith("https:") });
  await app.register(staticFiles);
  await app.register(storePlugin);
  // Services
  await app.register(exactHostsPlugin, { simulator: options.simulator, tls });
  await app.register(tokensPlugin);
  await app.register(exactPlugin);
  await app.register(sessionsPlugin, { purgeIntervalMs: options.purgeIntervalMs });
  await app.register(signInPlugin);
  // Routes
  await app.register(healthRoute);
  await app.register(authRoutes, { prefix: "/auth" });
  await app.register(apiV1Routes, { prefix: "/api/v1" });
  return app;
}

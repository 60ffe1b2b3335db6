/**
 * Builds the gateway from its plugins, in dependency order: infrastructure (plugins/), services
 * (services/), then the route plugins (routes/). No listening here, so tests can `inject()` into it
 * or start it themselves.
 */
import http from "node:http";
import https from "node:https";
import Fastify, { type FastifyInstance, type FastifyServerFactory } from "fastify";
import { systemClock, type Clock } from "../shared/clock";
import type { RunningSimulator } from "../simulator";
import type { GatewayConfig } from "./config/config";
import { answerPlainHttp } from "./server/plainHttpHint";
import {
  LOG_REDACT_PATHS,
  logDestination,
  REQUEST_SERIALIZERS,
  RequestLogController,
} from "./plugins/logging";
import configPlugin from "./plugins/config";
import errorsPlugin, { clientErrorHandler, frameworkErrorHandler } from "./plugins/errors";
import httpPlugin from "./plugins/http";
import metricsPlugin from "./plugins/metrics";
import securityHeaders, { securityHeaderEntries } from "./plugins/securityHeaders";
import staticFiles from "./plugins/staticFiles";
import storePlugin from "./plugins/store";
import coordinationPlugin from "./plugins/coordination";
import healthRoute from "./routes/health";
import helpPagesRoute from "./routes/helpPages";
import authRoutes from "./routes/auth";
import apiV1Routes from "./routes/api/v1";
import exactPlugin from "./services/exact";
import exactHostsPlugin from "./services/exactHosts";
import sessionsPlugin from "./services/sessions";
import signInPlugin from "./services/signin";
import tokensPlugin from "./services/tokens";
import progressPlugin from "./services/progress";
import reviewsPlugin from "./services/reviews";

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
  /** A server already listening (start.ts binds port 0 first); closed with the gateway. */
  server?: http.Server;
}

/** An http or https server with Fastify's own defaults (it leaves them alone for a server factory). */
export function createGatewayServer(tls: TlsOptions | null): http.Server {
  const server = tls ? https.createServer(tls) : http.createServer();
  if (server instanceof https.Server) answerPlainHttp(server);
  server.keepAliveTimeout = 72_000;
  server.requestTimeout = 0;
  return server;
}

export async function buildGateway(
  config: GatewayConfig,
  tls: TlsOptions | null,
  options: GatewayOptions = {},
): Promise<FastifyInstance> {
  // An https.Server is an http.Server to Fastify's types, so one instance type serves both.
  const given = options.server;
  const serverFactory: FastifyServerFactory | undefined =
    given || tls ? (handler) => (given ?? createGatewayServer(tls)).on("request", handler) : undefined;
  const stream = logDestination(config.logFormat, options.logStream);
  const https = !!tls || config.publicUrl.startsWith("https:");
  const app = Fastify({
    serverFactory,
    logger: {
      level: config.logLevel,
      redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" },
      serializers: REQUEST_SERIALIZERS,
      ...(stream ? { stream } : {}),
    },
    // Request lines at debug, so info stays for the start banner, warnings and errors.
    logController: new RequestLogController(),
    bodyLimit: 16 * 1024,
    // Start-up (demo simulator, key, store migrations) may take longer than 10 s on a busy machine.
    pluginTimeout: 60_000,
    // Closed schemas refuse unknown fields instead of silently dropping them, and a body's number
    // stays a number (query values are text anyway): wrong types are refused, not converted.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler(securityHeaderEntries(https)),
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
  if (given) {
    // After the http plugin's preClose (drain: answers from then on end their connections).
    // Fastify closes only servers it started itself: stop accepting and let requests finish first.
    app.addHook("preClose", (done) => {
      // Keep-alive connections go as soon as their last answer is out.
      const sweep = setInterval(() => given.closeIdleConnections(), 50);
      given.close(() => {
        clearInterval(sweep);
        done();
      });
      given.closeIdleConnections();
    });
  }
  await app.register(securityHeaders, { https });
  await app.register(staticFiles);
  await app.register(storePlugin);
  await app.register(coordinationPlugin);
  await app.register(metricsPlugin);
  // Services
  await app.register(exactHostsPlugin, { simulator: options.simulator, tls });
  await app.register(tokensPlugin);
  await app.register(exactPlugin);
  await app.register(sessionsPlugin, { purgeIntervalMs: options.purgeIntervalMs });
  await app.register(signInPlugin);
  await app.register(progressPlugin);
  await app.register(reviewsPlugin);
  // Routes
  await app.register(healthRoute);
  await app.register(helpPagesRoute);
  await app.register(authRoutes, { prefix: "/auth" });
  await app.register(apiV1Routes, { prefix: "/api/v1" });
  return app;
}

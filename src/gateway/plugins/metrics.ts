/**
 * Infrastructure: what operators see. Decorates `metrics` (the Prometheus registry and the one small
 * interface other plugins record through), measures /api answers, logs refusals worth a warning, and —
 * only when the operator opened it (configMetrics.ts) — serves GET /metrics: on its own address, or on
 * the gateway's port behind a bearer token compared in constant time.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import fp from "fastify-plugin";
import type { FastifyError } from "fastify";
import type { MetricsConfig } from "../config/metrics";
import { constantTimeEqual } from "../crypto/random";
import { GatewayError } from "../errors";
import { loggableUrl } from "./logging";
import { OPERATOR_WARNINGS, WarningThrottle } from "../metrics/operatorWarnings";
import { PrometheusTelemetry } from "../metrics/prometheus";

declare module "fastify" {
  interface FastifyInstance {
    metrics: PrometheusTelemetry & {
      /** The own /metrics listener's address (EOL_METRICS_LISTEN), once listening; else null. */
      address(): AddressInfo | null;
    };
  }
}

/** A bearer token that matches, or no token required. */
function authorized(config: MetricsConfig, header: string | undefined): boolean {
  if (config.token === null) return true;
  const presented = /^Bearer (.+)$/i.exec(header ?? "")?.[1] ?? "";
  return constantTimeEqual(presented, config.token);
}

function byteLength(payload: unknown): number | null {
  if (typeof payload === "string") return Buffer.byteLength(payload);
  if (Buffer.isBuffer(payload)) return payload.length;
  return null;
}

/** The own listener: GET /metrics only, nothing else, never the gateway's routes. */
async function listenApart(config: MetricsConfig, telemetry: PrometheusTelemetry): Promise<http.Server> {
  const listen = config.listen!;
  const server = http.createServer((request, response) => {
    const path = (request.url ?? "").split("?")[0];
    const refuse = (status: number, text: string): void => {
      response.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text);
    };
    if (request.method !== "GET" || path !== "/metrics")
      return refuse(404, "Not found: GET /metrics only.\n");
    if (!authorized(config, request.headers.authorization))
      return refuse(401, "A valid bearer token is required.\n");
    void telemetry.registry.metrics().then(
      (text) => response.writeHead(200, { "content-type": telemetry.registry.contentType }).end(text),
      () => refuse(500, "Metrics could not be collected.\n"),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  return server;
}

export default fp(
  async (app) => {
    const config = app.config.metrics;
    const telemetry = new PrometheusTelemetry({ processMetrics: config !== null });
    let apart: http.Server | null = null;
    app.decorate(
      "metrics",
      Object.assign(telemetry, {
        address: () => (apart?.address() as AddressInfo | null | undefined) ?? null,
      }),
    );

    // Answer sizes are measured only where someone can read them (a UTF-8 count of every answer).
    if (config !== null) {
      app.addHook("onSend", (request, _reply, payload, done) => {
        const bytes = request.url.startsWith("/api/") ? byteLength(payload) : null;
        if (bytes !== null) telemetry.answerSize(bytes);
        done(null, payload);
      });
    }

    const throttle = new WarningThrottle(app.clock);
    app.addHook("onError", (request, _reply, error: FastifyError, done) => {
      const code =
        error instanceof GatewayError ? error.code : error.statusCode === 429 ? "too_many_requests" : null;
      const summary = code === null ? undefined : OPERATOR_WARNINGS[code];
      if (summary) {
        const { log, suppressed } = throttle.admit(`${code} ${error.message}`);
        if (log)
          request.log.warn(
            { code, url: loggableUrl(request.url), suppressed },
            `${summary}: ${error.message}`,
          );
      }
      done();
    });

    if (!config) return;
    if (config.listen) {
      apart = await listenApart(config, telemetry);
      app.addHook("onClose", (_instance, done) => {
        apart?.close(() => done());
        apart?.closeAllConnections();
      });
      return;
    }
    app.get("/metrics", { logLevel: "warn" }, async (request, reply) => {
      if (!authorized(config, request.headers.authorization)) {
        throw new GatewayError(
          401,
          "not_signed_in",
          "GET /metrics needs the operator's bearer token (EOL_METRICS_TOKEN).",
        );
      }
      reply.header("content-type", telemetry.registry.contentType).header("cache-control", "no-store");
      return telemetry.registry.metrics();
    });
  },
  { name: "eol-metrics", dependencies: ["eol-config"], fastify: "5.x" },
);

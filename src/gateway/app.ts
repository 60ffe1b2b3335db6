/**
 * Builds the gateway: security headers, health check, the add-in's static files and (as features
 * land) the /auth and /api routes. No listening here, so tests can build and start it on port 0.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { version } from "../../package.json";
import type { GatewayConfig } from "./config";
import { registerSecurityHeaders } from "./security";
import { registerStaticFiles } from "./staticFiles";
import { LOG_REDACT_PATHS } from "./logging";
import { registerErrorHandling } from "./errorHandler";

export interface TlsOptions {
  key: Buffer;
  cert: Buffer;
}

export async function buildGateway(config: GatewayConfig, tls: TlsOptions | null): Promise<FastifyInstance> {
  const app = Fastify({
    ...(tls ? { https: tls } : {}),
    logger: { level: config.logLevel, redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" } },
    bodyLimit: 16 * 1024,
    trustProxy: false,
  }) as unknown as FastifyInstance; // the https/http overloads produce different server generics
  await registerSecurityHeaders(app, { https: !!tls || config.publicUrl.startsWith("https:") });
  registerErrorHandling(app);
  app.get("/healthz", async () => ({ status: "ok", version }));
  await registerStaticFiles(app, config.staticDir, config.publicUrl);
  return app;
}

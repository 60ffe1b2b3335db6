/**
 * Builds the gateway: security headers, health check, the add-in's static files and (as features
 * land) the /auth and /api routes. No listening here, so tests can build and start it on port 0.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { version } from "../../package.json";
import type { GatewayConfig } from "./config";
import { registerSecurityHeaders } from "./security";
import { registerStaticFiles } from "./staticFiles";
import { LOG_REDACT_PATHS, REQUEST_SERIALIZERS } from "./logging";
import { registerJsonBodyParser } from "./jsonBody";
import { registerDrain } from "./shutdown";
import { clientErrorHandler, registerErrorHandling, registerNoStore } from "./errorHandler";
import { systemClock, type Clock } from "../shared/clock";
import type { RunningSimulator } from "../simulator";
import { createAuthServices } from "./auth/authServices";
import { authPlugin } from "./auth/authPlugin";
import { SessionResolver } from "./auth/requireSession";
import { schedulePurge } from "./auth/sessionLifetime";
import { registerDataApi } from "./api/plugin";

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
  const app = Fastify({
    ...(tls ? { https: tls } : {}),
    logger: {
      level: config.logLevel,
      redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" },
      serializers: REQUEST_SERIALIZERS,
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: 16 * 1024,
    clientErrorHandler,
    // Behind a reverse proxy, request.ip (rate limits, logs) comes from X-Forwarded-For (README).
    trustProxy:
      typeof config.trustProxy === "number"
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
  }) as unknown as FastifyInstance; // the https/http overloads produce different server generics
  await registerSecurityHeaders(app, { https: !!tls || config.publicUrl.startsWith("https:") });
  registerErrorHandling(app);
  registerNoStore(app);
  registerJsonBodyParser(app);
  registerDrain(app);
  app.get("/healthz", async () => ({ status: "ok", version }));
  await registerStaticFiles(app, config.staticDir, config.publicUrl);

  const auth = await createAuthServices(config, {
    clock: options.clock ?? systemClock,
    simulator: options.simulator,
    tls,
  });
  app.addHook("onClose", () => auth.close());
  schedulePurge(app, auth, options.purgeIntervalMs);
  app.decorate("eolServices", { clock: auth.clock, tokens: auth.tokens });
  app.decorate("eolSessions", new SessionResolver(auth));
  await app.register(authPlugin, { services: auth });
  registerDataApi(app, config);
  return app;
}

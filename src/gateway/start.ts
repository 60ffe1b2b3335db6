/** Starts a gateway (used by main.ts and by the tests, which pass PORT=0 and EOL_HTTP=1). */
import type http from "node:http";
import type net from "node:net";
import type { FastifyInstance } from "fastify";
import { buildGateway, createGatewayServer, type GatewayOptions, type TlsOptions } from "./app";
import type { GatewayConfig } from "./config/config";
import { withBoundPort } from "./config/config";
import { loadTls } from "./server/tls";
import { renderManifest } from "./plugins/staticFiles";

export interface RunningGateway {
  app: FastifyInstance;
  config: GatewayConfig;
  url: string;
  manifest: string;
  devCaPath: string | null;
  close(): Promise<void>;
  /** After the grace period: answers the requests still open with a 503 (shutdown.ts). */
  cutOff(): Promise<void>;
}

/**
 * Port 0 means "any free port", but the public URL (and so OAuth redirect URIs) must name the port
 * before the routes exist. So the server binds first and the gateway is built on it: no window in which
 * another process could take a port we picked but had not bound yet.
 */
export async function bindGatewayServer(tls: TlsOptions | null, host: string): Promise<http.Server> {
  const server = createGatewayServer(tls);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  return server;
}

function listeningText(server: http.Server, tls: boolean): string {
  const { address, port } = server.address() as net.AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return `Server listening at ${tls ? "https" : "http"}://${host}:${port}`;
}

export async function startGateway(
  requested: GatewayConfig,
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  const tls = requested.http ? null : await loadTls(requested);
  // A caller may bind the server itself (a test that must know the port before the configuration).
  const server =
    options.server ?? (requested.port === 0 ? await bindGatewayServer(tls, requested.host) : undefined);
  const port = server ? (server.address() as net.AddressInfo).port : requested.port;
  const config = withBoundPort(requested, port);
  let app: FastifyInstance;
  try {
    app = await buildGateway(config, tls, { ...options, server });
    if (server) {
      await app.ready();
      // Said as Fastify says it when it listens itself (below); a caller's own server is its business.
      if (!options.server) app.log.info(listeningText(server, tls !== null));
    } else {
      await app.listen({
        port: config.port,
        host: config.host,
        // Node's default backlog (511) resets connections in a burst (many workbooks recalculating at once).
        backlog: 4096,
        // Fastify cannot see that the server it was given speaks TLS, and would log http://.
        listenTextResolver: (address) =>
          `Server listening at ${tls ? address.replace(/^http:/, "https:") : address}`,
      });
    }
  } catch (error) {
    server?.close();
    throw error;
  }
  return {
    app,
    config,
    url: config.publicUrl,
    manifest: renderManifest(config.staticDir, config.publicUrl, config.addin),
    devCaPath: tls?.devCaPath ?? null,
    close: () => app.close(),
    cutOff: () => app.cutOffOpenRequests(),
  };
}

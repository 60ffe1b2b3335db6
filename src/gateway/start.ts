/** Starts a gateway (used by main.ts and by the tests, which pass PORT=0 and EOL_HTTP=1). */
import net from "node:net";
import type { FastifyInstance } from "fastify";
import { buildGateway, type GatewayOptions } from "./app";
import type { GatewayConfig } from "./config";
import { withBoundPort } from "./config";
import { loadTls } from "./tls";
import { renderManifest } from "./plugins/staticFiles";

export interface RunningGateway {
  app: FastifyInstance;
  config: GatewayConfig;
  url: string;
  manifest: string;
  devCaPath: string | null;
  close(): Promise<void>;
}

/** Port 0 means "any free port": the public URL (and so OAuth redirect URIs) must know it before routes exist. */
async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startGateway(
  requested: GatewayConfig,
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  const port = requested.port === 0 ? await freePort(requested.host) : requested.port;
  const config = withBoundPort(requested, port);
  const tls = config.http ? null : await loadTls(config);
  const app = await buildGateway(config, tls, options);
  // Node's default backlog (511) resets connections in a burst (many workbooks recalculating at once).
  await app.listen({ port: config.port, host: config.host, backlog: 4096 });
  return {
    app,
    config,
    url: config.publicUrl,
    manifest: renderManifest(config.staticDir, config.publicUrl),
    devCaPath: tls?.devCaPath ?? null,
    close: () => app.close(),
  };
}

/**
 * A real gateway for the tests, over plain HTTP, against the test's simulator (real loopback HTTP).
 *
 * buildTestGateway() is the default for route tests: the gateway is built but never listens, and
 * `gateway.fetch` reaches it through `app.inject()` (see injectFetch.ts) — no socket, no port. Its URL is
 * http://127.0.0.1:0 (no server can ever answer on port 0), used for the OAuth redirect URI; the
 * simulator's redirect back to it is followed by `gateway.fetch` through inject again.
 *
 * startTestGateway() listens on a port bound as port 0 (start.ts: bound first, then built on it — no
 * free-port-then-listen race) and `gateway.fetch` is the real fetch. It stays only where the socket
 * itself is under test or something outside this process must reach the gateway:
 * - the browser end-to-end suites (test/e2e: Chromium loads the pane and calls the gateway);
 * - https/TLS, the static files and Node's HTTP parser (test/gateway: httpsDemo, socket and
 *   plugins/staticFiles — light-my-request bypasses TLS and the parser);
 * - shutdown and SIGTERM (test/gateway/shutdown: in-flight requests, refused connections).
 * Gateway processes (`npm start` in test/gateway/store/dataDir) listen on PORT=0 the same way. The
 * add-in's own client against a stand-in server (test/support/addin/stubGateway) uses real
 * fetch: its network errors and timeouts are what it tests.
 */
import crypto from "node:crypto";
import type http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RedeemResponse, SessionInfo } from "../../src/shared/api";
import type { Clock } from "../../src/shared/clock";
import type { Country } from "../../src/shared/countries";
import type { RunningSimulator } from "../../src/simulator";
import { buildGateway } from "../../src/gateway/app";
import { loadConfig, type GatewayConfig } from "../../src/gateway/config/config";
import { startGateway, type RunningGateway } from "../../src/gateway/start";
import { injectFetch } from "./injectFetch";

export interface TestGatewayOptions {
  /** Shared with the simulator (a VirtualClock) so token lifetimes take no real time. */
  clock?: Clock;
  /** The test's simulator: plays country "demo" (its demo app gets this gateway's callback). */
  simulator?: RunningSimulator;
  /** Reuse a data directory (restart tests); a fresh temporary one otherwise. */
  dataDir?: string;
  /** Capture the gateway's logs (set LOG_LEVEL in env too). */
  logStream?: NodeJS.WritableStream;
  /** How often the gateway purges expired sign-in records. */
  purgeIntervalMs?: number;
}

export interface ListeningGatewayOptions extends TestGatewayOptions {
  /** A server the test bound already (bindGatewayServer), when it must know the port beforehand. */
  server?: http.Server;
}

export interface TestGateway {
  app: RunningGateway["app"];
  config: GatewayConfig;
  url: string;
  dataDir: string;
  simulator?: RunningSimulator;
  /** fetch for this gateway: through inject (built) or over its socket (started); other origins over HTTP. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

function testConfig(env: Record<string, string>, options: TestGatewayOptions): GatewayConfig {
  return loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    EOL_HTTP: "1",
    LOG_LEVEL: "silent",
    EOL_DATA_DIR: options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "eol-gw-")),
    // Tests hammer /auth from one IP; the limit itself is tested with a low value.
    EOL_AUTH_RATE_LIMIT: "100000",
    ...env,
  });
}

/** The gateway built and ready but not listening: reach it with `gateway.fetch` (inject). */
export async function buildTestGateway(
  env: Record<string, string> = {},
  options: TestGatewayOptions = {},
): Promise<TestGateway> {
  const config = testConfig(env, options);
  const app = await buildGateway(config, null, {
    clock: options.clock,
    simulator: options.simulator,
    logStream: options.logStream,
    purgeIntervalMs: options.purgeIntervalMs,
  });
  await app.ready();
  return {
    app,
    config,
    url: config.publicUrl,
    dataDir: config.dataDir,
    simulator: options.simulator,
    fetch: injectFetch(app, new URL(config.publicUrl).origin),
    close: () => app.close(),
  };
}

/** The gateway listening on a free loopback port (bound as port 0, no race): for socket tests only. */
export async function startTestGateway(
  env: Record<string, string> = {},
  options: ListeningGatewayOptions = {},
): Promise<TestGateway & RunningGateway> {
  const config = testConfig(env, options);
  const running = await startGateway(config, {
    clock: options.clock,
    simulator: options.simulator,
    logStream: options.logStream,
    purgeIntervalMs: options.purgeIntervalMs,
    server: options.server,
  });
  return {
    ...running,
    dataDir: config.dataDir,
    simulator: options.simulator,
    fetch: (input, init) => fetch(input, init),
  };
}

export interface SignInOptions {
  country?: Country;
  clientId?: string;
  clientSecret?: string;
  /** Exact user to approve as (the simulator's auto-approve picks this user; reset to `true` after). */
  userId?: string;
}

/** Where a redirect goes, as an absolute URL. */
function location(res: Response, base: string): string {
  const target = res.headers.get("location");
  if (res.status !== 302 || !target) throw new Error(`Expected a 302 from ${base}, got ${res.status}`);
  return new URL(target, base).toString();
}

/**
 * Signs a user in end to end: POST /auth/logins → start URL → the simulator's authorize
 * (auto-approve) → /auth/callback → redeem. Needs a gateway started with a simulator (auto-approve on).
 */
export async function signInTestUser(
  gateway: Pick<TestGateway, "url" | "simulator" | "fetch">,
  options: SignInOptions = {},
): Promise<{ sessionToken: string; session: SessionInfo }> {
  const loginSecret = crypto.randomBytes(32).toString("base64url");
  const created = await gateway.fetch(`${gateway.url}/auth/logins`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      loginSecret,
      country: options.country ?? "demo",
      clientId: options.clientId,
      clientSecret: options.clientSecret,
    }),
  });
  if (created.status !== 201) throw new Error(`POST /auth/logins: ${created.status} ${await created.text()}`);
  const { loginId, startUrl } = (await created.json()) as { loginId: string; startUrl: string };

  if (options.userId) gateway.simulator?.setAutoApprove({ userId: options.userId });
  let completionCode: string | null;
  try {
    const authorize = location(await gateway.fetch(startUrl, { redirect: "manual" }), startUrl);
    const callback = location(await gateway.fetch(authorize, { redirect: "manual" }), authorize);
    const complete = new URL(location(await gateway.fetch(callback, { redirect: "manual" }), callback));
    if (complete.searchParams.get("status") !== "ok") {
      throw new Error(
        `Sign-in failed: ${complete.searchParams.get("code")}: ${complete.searchParams.get("message")}`,
      );
    }
    completionCode = complete.searchParams.get("completion");
  } finally {
    if (options.userId) gateway.simulator?.setAutoApprove(true);
  }

  const redeemed = await gateway.fetch(`${gateway.url}/auth/logins/${loginId}/redeem`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ loginSecret, completionCode }),
  });
  if (redeemed.status !== 200) throw new Error(`redeem: ${redeemed.status} ${await redeemed.text()}`);
  return (await redeemed.json()) as RedeemResponse;
}

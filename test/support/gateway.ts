/** Starts a real gateway on a free loopback port over plain HTTP, for integration tests. */
import crypto from "node:crypto";
import type http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RedeemResponse, SessionInfo } from "../../src/shared/api";
import type { Clock } from "../../src/shared/clock";
import type { Country } from "../../src/shared/countries";
import type { RunningSimulator } from "../../src/simulator";
import { loadConfig } from "../../src/gateway/config";
import { startGateway, type RunningGateway } from "../../src/gateway/start";

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
  /** A server the test bound already (bindGatewayServer), when it must know the port beforehand. */
  server?: http.Server;
}

export type TestGateway = RunningGateway & { dataDir: string; simulator?: RunningSimulator };

export async function startTestGateway(
  env: Record<string, string> = {},
  options: TestGatewayOptions = {},
): Promise<TestGateway> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "eol-gw-"));
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    EOL_HTTP: "1",
    LOG_LEVEL: "silent",
    EOL_DATA_DIR: dataDir,
    // Tests hammer /auth from one IP; the limit itself is tested with a low value.
    EOL_AUTH_RATE_LIMIT: "100000",
    ...env,
  });
  const running = await startGateway(config, {
    clock: options.clock,
    simulator: options.simulator,
    logStream: options.logStream,
    purgeIntervalMs: options.purgeIntervalMs,
    server: options.server,
  });
  return { ...running, dataDir, simulator: options.simulator };
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
 * Signs a user in end to end over real HTTP: POST /auth/logins → start URL → the simulator's authorize
 * (auto-approve) → /auth/callback → redeem. Needs a gateway started with a simulator (auto-approve on).
 */
export async function signInTestUser(
  gateway: Pick<TestGateway, "url" | "simulator">,
  options: SignInOptions = {},
): Promise<{ sessionToken: string; session: SessionInfo }> {
  const loginSecret = crypto.randomBytes(32).toString("base64url");
  const created = await fetch(`${gateway.url}/auth/logins`, {
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
    const authorize = location(await fetch(startUrl, { redirect: "manual" }), startUrl);
    const callback = location(await fetch(authorize, { redirect: "manual" }), authorize);
    const complete = new URL(location(await fetch(callback, { redirect: "manual" }), callback));
    if (complete.searchParams.get("status") !== "ok") {
      throw new Error(
        `Sign-in failed: ${complete.searchParams.get("code")}: ${complete.searchParams.get("message")}`,
      );
    }
    completionCode = complete.searchParams.get("completion");
  } finally {
    if (options.userId) gateway.simulator?.setAutoApprove(true);
  }

  const redeemed = await fetch(`${gateway.url}/auth/logins/${loginId}/redeem`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ loginSecret, completionCode }),
  });
  if (redeemed.status !== 200) throw new Error(`redeem: ${redeemed.status} ${await redeemed.text()}`);
  return (await redeemed.json()) as RedeemResponse;
}

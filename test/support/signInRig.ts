/**
 * Shared pieces of the sign-in tests: one simulator + gateway on a VirtualClock, and store inspection.
 * The gateway is reached through inject (no socket); its sign-in still goes through the simulator.
 */
import crypto from "node:crypto";
import path from "node:path";
import { PassThrough } from "node:stream";
import Database from "better-sqlite3";
import { VirtualClock } from "../../src/shared/clock";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { DATABASE_FILE } from "../../src/gateway/store/sqliteStore";
import { buildTestGateway, type TestGateway } from "./gateway";

export interface Rig {
  clock: VirtualClock;
  sim: RunningSimulator;
  gateway: TestGateway;
  /** Everything the gateway logged so far (start the rig with LOG_LEVEL to get lines). */
  logs(): Promise<string>;
  close(): Promise<void>;
}

export async function startRig(env: Record<string, string> = {}): Promise<Rig> {
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1 });
  const logStream = new PassThrough();
  const lines: string[] = [];
  logStream.on("data", (chunk: Buffer) => lines.push(chunk.toString("utf8")));
  const gateway = await buildTestGateway(
    { EOL_EXACT_BASE_URL: sim.url, ...env },
    { clock, simulator: sim, logStream },
  );
  return {
    clock,
    sim,
    gateway,
    logs: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return lines.join("");
    },
    close: async () => {
      await gateway.close();
      await sim.close();
    },
  };
}

/** Row counts of the gateway's store, read straight from its SQLite file. */
export function storedRows(dataDir: string): { logins: number; sessions: number; chains: number } {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { logins: count("logins"), sessions: count("sessions"), chains: count("chains") };
  } finally {
    db.close();
  }
}

export const newLoginSecret = (): string => crypto.randomBytes(32).toString("base64url");

/** Whom to ask: a test gateway's fetch (inject, or real HTTP for other origins). */
export type Fetcher = Pick<TestGateway, "fetch">;

export async function postJson(
  via: Fetcher,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return via.fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Follows one redirect without fetching the target. */
export async function redirectOf(via: Fetcher, url: string): Promise<URL> {
  const res = await via.fetch(url, { redirect: "manual" });
  if (res.status !== 302) throw new Error(`Expected 302 from ${url}, got ${res.status}: ${await res.text()}`);
  return new URL(res.headers.get("location")!, url);
}

/** POST /auth/logins → start → Exact authorize: the callback URL Exact redirected to (not yet visited). */
export async function startLogin(
  gateway: TestGateway,
  body: Record<string, unknown> = { country: "demo" },
): Promise<{ loginId: string; loginSecret: string; startUrl: string; callback: URL }> {
  const loginSecret = newLoginSecret();
  const res = await postJson(gateway, `${gateway.url}/auth/logins`, { loginSecret, ...body });
  if (res.status !== 201) throw new Error(`POST /auth/logins ${res.status}: ${await res.text()}`);
  const { loginId, startUrl } = (await res.json()) as { loginId: string; startUrl: string };
  const authorize = await redirectOf(gateway, startUrl);
  const callback = await redirectOf(gateway, authorize.toString());
  return { loginId, loginSecret, startUrl, callback };
}

/** The one-time code auth-complete.html hands to the task pane (required by redeem). */
export function completionCodeOf(url: URL): string {
  const code = url.searchParams.get("completion");
  if (!code) throw new Error(`No completion code in ${url.pathname}?${url.searchParams.get("status")}`);
  return code;
}

export function completion(url: URL): {
  status: string | null;
  code: string | null;
  message: string | null;
  loginId: string | null;
} {
  return {
    status: url.searchParams.get("status"),
    code: url.searchParams.get("code"),
    message: url.searchParams.get("message"),
    loginId: url.searchParams.get("loginId"),
  };
}

/**
 * Issue 14 (7): one gateway instance killed with SIGKILL mid-load, while it holds the chain's refresh
 * lock with its refresh on the way to Exact. Three instances on one real PostgreSQL — two in this
 * process, the victim in its own process — against one simulator on a shared VirtualClock, requests
 * dealt round-robin; the round-robin drops an instance that fails to answer, as a load balancer's
 * health check would. The victim reaches Exact through a relay that holds its token request, so the
 * kill lands after the lock was taken and before Exact rotated the tokens.
 */
import { fork, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator, type RunningSimulator } from "../../../src/simulator";
import { SHARED_LOCK_KEY_SQL } from "../../../src/gateway/store/postgresSharedLock";
import { signInTestUser, startTestGateway, type TestGateway } from "../../support/gateway";
import { startPostgres, type TestPostgres } from "../../support/postgres";

jest.setTimeout(120_000);

const APP = { clientId: "5b0c9d8e-7f6a-4b5c-9d8e-7f6a5b4c3d2e", clientSecret: "kill-test-secret" };

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 90_000);
afterAll(() => postgres?.stop());

/** Forwards to the simulator, but holds token requests (never forwarded) while `holding`. */
async function startRelay(target: string) {
  const held: http.IncomingMessage[] = [];
  const relay = {
    holding: true,
    held,
    server: http.createServer((req, res) => {
      if (relay.holding && req.url?.startsWith("/api/oauth2/token")) {
        held.push(req);
        return;
      }
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const headers = { ...req.headers } as Record<string, string>;
        delete headers.host;
        void fetch(new URL(req.url ?? "/", target), {
          method: req.method,
          headers,
          body: chunks.length ? Buffer.concat(chunks) : undefined,
        }).then(
          async (answer) => {
            res.writeHead(answer.status, Object.fromEntries(answer.headers));
            res.end(Buffer.from(await answer.arrayBuffer()));
          },
          () => res.destroy(),
        );
      });
    }),
    url: "",
  };
  await new Promise<void>((resolve) => relay.server.listen(0, "127.0.0.1", resolve));
  relay.url = `http://127.0.0.1:${(relay.server.address() as { port: number }).port}`;
  return relay;
}

/** The victim: a gateway in its own process; resolves once it listens. */
function startVictim(
  env: Record<string, string>,
  clock: VirtualClock,
): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(path.join(__dirname, "../../support/store/gatewayProcess.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env, EOL_TEST_CLOCK_START: String(clock.now()) },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`victim exited with ${code}`)));
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = /^READY (\S+)$/.exec(line);
      if (match) resolve({ url: match[1], child });
    });
  });
}

/** Moves the shared clock here and in the victim's process (answered once applied there). */
async function advance(clock: VirtualClock, victim: ChildProcess, ms: number): Promise<void> {
  clock.advance(ms);
  if (victim.exitCode !== null || victim.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    victim.once("message", () => resolve());
    victim.send({ set: clock.now() });
  });
}

/** Whether some connection holds the shared advisory lock `name` (the chain's refresh lock). */
async function lockHeld(url: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_locks, (SELECT ${SHARED_LOCK_KEY_SQL} AS k) AS lock
        WHERE locktype = 'advisory' AND granted AND objsubid = 1
          AND classid::bigint = (lock.k >> 32) & 4294967295 AND objid::bigint = lock.k & 4294967295`,
      [name],
    );
    return Number(rows[0].n) > 0;
  } finally {
    await client.end();
  }
}

async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let clock: VirtualClock;
let sim: RunningSimulator;
let survivors: TestGateway[];
let victim: { url: string; child: ChildProcess };
let relay: Awaited<ReturnType<typeof startRelay>>;
let databaseUrl: string;

beforeEach(async () => {
  clock = new VirtualClock();
  sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1 });
  relay = await startRelay(sim.url);
  databaseUrl = await postgres.createDatabase();
  const env = {
    EOL_DATABASE_URL: databaseUrl,
    EOL_SECRET_KEY: crypto.randomBytes(32).toString("hex"),
    EOL_EXACT_BASE_URL: sim.url,
  };
  survivors = [];
  for (let i = 0; i < 2; i += 1) survivors.push(await startTestGateway(env, { clock, simulator: sim }));
  sim.apps.register({ ...APP, redirectUris: [`${survivors[0].url}/auth/callback`] });
  victim = await startVictim(
    {
      ...env,
      EOL_EXACT_BASE_URL: relay.url,
      EOL_HTTP: "1",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      EOL_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "eol-victim-")),
    },
    clock,
  );
});
afterEach(async () => {
  victim?.child.kill("SIGKILL");
  await Promise.all(survivors.map((instance) => instance.close()));
  for (const req of relay?.held ?? []) req.destroy();
  relay?.server.close();
  await sim.close();
});

test("SIGKILL of an instance holding the refresh lock mid-load: the others keep answering, no chain dies", async () => {
  const { sessionToken } = await signInTestUser(survivors[0], { country: "nl", ...APP });
  const auth = { authorization: `Bearer ${sessionToken}` };
  const pool = [victim.url, ...survivors.map((instance) => instance.url)];
  for (const url of pool) expect((await fetch(`${url}/auth/session`, { headers: auth })).status).toBe(200);
  let next = 0;
  const dropped = new Set<string>();
  /** One request through the round-robin: an instance that does not answer is dropped, the next asked. */
  async function balanced(): Promise<number> {
    for (;;) {
      const live = pool.filter((url) => !dropped.has(url));
      const url = live[next++ % live.length];
      try {
        return (await fetch(`${url}/auth/session`, { headers: auth })).status;
      } catch {
        dropped.add(url);
      }
    }
  }

  // The token is due: the victim, asked first, takes the chain's lock and sends its refresh, which the
  // relay holds; the other instances' requests queue behind the lock meanwhile.
  const [{ id: chainId }] = await listChains(databaseUrl);
  await advance(clock, victim.child, 590_000);
  const first = fetch(`${victim.url}/auth/session`, { headers: auth }).then(
    (res) => res.status,
    () => balanced(),
  );
  await until(() => relay.held.length === 1, "the victim's refresh");
  expect(await lockHeld(databaseUrl, `chain:${chainId}`)).toBe(true);

  let running = true;
  const statuses: number[] = [];
  const workers = Array.from({ length: 6 }, async () => {
    while (running) statuses.push(await balanced());
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  // Under load, the survivors wait for the victim's lock instead of refreshing themselves.
  expect(sim.log.tokenCalls("refresh_token")).toBe(0);
  expect(await lockHeld(databaseUrl, `chain:${chainId}`)).toBe(true);
  victim.child.kill("SIGKILL");
  // PostgreSQL releases the lock with the dead connection; a survivor refreshes once, directly.
  await until(() => sim.log.tokenCalls("refresh_token") === 1, "a survivor's refresh");
  await new Promise((resolve) => setTimeout(resolve, 500));
  running = false;
  await Promise.all(workers);
  statuses.push(await first);

  expect(dropped).toEqual(new Set([victim.url]));
  expect(statuses.length).toBeGreaterThan(20);
  expect(statuses.filter((status) => status !== 200)).toEqual([]);
  expect(sim.log.tokenCalls("refresh_token")).toBe(1);
  expect(sim.log.count({ kind: "token", status: 400 })).toBe(0);
  expect(await chainStatuses(databaseUrl)).toEqual(["live"]);
  for (const instance of survivors) {
    expect((await fetch(`${instance.url}/auth/session`, { headers: auth })).status).toBe(200);
  }

  // The next token window: one refresh again, served by whichever survivor comes first.
  await advance(clock, victim.child, 590_000);
  const later = await Promise.all(Array.from({ length: 10 }, () => balanced()));
  expect(later).toEqual(Array(10).fill(200));
  expect(sim.log.tokenCalls("refresh_token")).toBe(2);
  expect(sim.log.count({ kind: "token", status: 400 })).toBe(0);
  expect(await chainStatuses(databaseUrl)).toEqual(["live"]);
});

async function listChains(url: string): Promise<{ id: string; status: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ id: string; status: string }>("SELECT id, status FROM chains")).rows;
  } finally {
    await client.end();
  }
}

const chainStatuses = async (url: string) => (await listChains(url)).map((chain) => chain.status);

/**
 * Cached-request throughput of 3 gateway processes vs 1 on this machine: three real `main.ts` processes
 * on one PostgreSQL (shared sessions, cache and budgets), the simulator in this process. The load is
 * dealt evenly over the instances by connection (a round-robin proxy in this process would take a
 * core of its own and measure itself).
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { startSimulator, type RunningSimulator } from "../src/simulator";
import { signInTestUser } from "../test/support/gateway";
import { load, type LoadResult } from "./load";
import type { Report } from "./report";

const ROOT = path.resolve(__dirname, "..");
const CONNECTIONS = 12;
const SECONDS = 4;
const BENCH_APP = {
  clientId: "7f1e2d3c-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
  clientSecret: "bench-secret",
  name: "Bench",
};

interface Instance {
  url: string;
  child: ChildProcess;
}

/** One gateway process (npm start's entry point) on a free port; resolves with its URL once it listens. */
function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src/gateway/main.ts")], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) =>
      reject(new Error(`gateway process exited with ${code}: ${stderr.slice(-2000)}`)),
    );
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = /Health:\s+(\S+)\/healthz/.exec(line);
      if (match) {
        child.removeAllListeners("exit");
        resolve({ url: match[1], child });
      }
    });
  });
}

function stop(instance: Instance): Promise<void> {
  return new Promise((resolve) => {
    if (instance.child.exitCode !== null) return resolve();
    instance.child.once("exit", () => resolve());
    instance.child.kill("SIGTERM");
  });
}

const rate = (results: LoadResult[]) => results.reduce((sum, result) => sum + result.requests.average, 0);
const failures = (results: LoadResult[]) => results.reduce((sum, r) => sum + r.non2xx + r.errors, 0);

export async function measureInstanceThroughput(
  report: Report,
  section: string,
  databaseUrl: string,
): Promise<void> {
  const sim: RunningSimulator = await startSimulator({
    seed: 1,
    autoApprove: true,
    dataset: "demo",
    minuteLimit: 1e9,
    dayLimit: 1e9,
    apps: [{ ...BENCH_APP, redirectUris: [] }],
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "eol-bench-instances-"));
  const instances: Instance[] = [];
  try {
    const env = {
      PORT: "0",
      HOST: "127.0.0.1",
      EOL_HTTP: "1",
      EOL_DEMO: "0",
      LOG_LEVEL: "silent",
      EOL_AUTH_RATE_LIMIT: "100000",
      EOL_DATABASE_URL: databaseUrl,
      EOL_SECRET_KEY: crypto.randomBytes(32).toString("hex"),
      EOL_EXACT_BASE_URL: sim.url,
    };
    for (let i = 0; i < 3; i += 1) {
      instances.push(await startInstance({ ...env, EOL_DATA_DIR: path.join(dataDir, String(i)) }));
    }
    sim.apps.addRedirectUri(BENCH_APP.clientId, `${instances[0].url}/auth/callback`);
    const { sessionToken } = await signInTestUser(
      { url: instances[0].url, simulator: sim, fetch },
      { country: "nl", clientId: BENCH_APP.clientId, clientSecret: BENCH_APP.clientSecret },
    );
    const target = (instance: Instance, connections: number) => ({
      url: `${instance.url}/api/v1/divisions`,
      headers: { authorization: `Bearer ${sessionToken}` },
      connections,
      duration: SECONDS,
    });
    // Warm every instance (its code and the shared cache) before measuring.
    await Promise.all(instances.map((instance) => load({ ...target(instance, 2), duration: 1 })));
    const one = [await load(target(instances[0], CONNECTIONS))];
    const three = await Promise.all(instances.map((instance) => load(target(instance, CONNECTIONS / 3))));
    const ratio = rate(three) / rate(one);
    report.add({
      section,
      name: `Cached /api/v1/divisions: 3 gateway processes vs 1 (${CONNECTIONS} connections dealt evenly, ${SECONDS} s each)`,
      measured: `${rate(three).toFixed(0)} vs ${rate(one).toFixed(0)} req/s = ${ratio.toFixed(2)}× (${failures([...one, ...three])} failures)`,
      goal: "tracked",
      met: null,
      note: `${os.cpus().length} cores: 3 processes (plus PostgreSQL, the simulator and the load generator) cannot scale linearly`,
    });
  } finally {
    await Promise.all(instances.map(stop));
    await sim.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

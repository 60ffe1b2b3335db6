/**
 * SQLite mode: one gateway process per data directory (a second one is refused with a clear error),
 * and processes starting at once agree on one generated key instead of crashing. In-process gateways
 * are built without a socket; the `npm start` processes listen on port 0.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { SECRET_KEY_FILE } from "../../../src/gateway/crypto/keyFile";
import { buildTestGateway } from "../../support/gateway";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../../..");
const tsx = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, env: { ...process.env, ...env } });

const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "eol-datadir-"));

test("a second gateway on the same data directory is refused, naming EOL_DATA_DIR and EOL_DATABASE_URL", async () => {
  const first = await buildTestGateway({ EOL_DEMO: "0" });
  try {
    await expect(buildTestGateway({ EOL_DEMO: "0" }, { dataDir: first.dataDir })).rejects.toThrow(
      new RegExp(`EOL_DATA_DIR=${first.dataDir}.*EOL_DATABASE_URL`),
    );
    // The first one keeps serving.
    expect((await first.fetch(`${first.url}/healthz`)).status).toBe(200);
  } finally {
    await first.close();
  }
  // Closing releases the lock at once.
  const again = await buildTestGateway({ EOL_DEMO: "0" }, { dataDir: first.dataDir });
  await again.close();
});

test("npm start as a second process on the data directory exits with that message and exit code 5", async () => {
  const first = await buildTestGateway({ EOL_DEMO: "0" });
  try {
    const second = tsx(["src/gateway/main.ts"], {
      EOL_DATA_DIR: first.dataDir,
      EOL_HTTP: "1",
      HOST: "127.0.0.1",
      PORT: "0",
      EOL_DEMO: "0",
    });
    await expect(second).rejects.toMatchObject({
      code: 5,
      stderr: expect.stringMatching(/Another gateway process is using EOL_DATA_DIR=.*EOL_DATABASE_URL/),
    });
  } finally {
    await first.close();
  }
}, 60_000);

test("two gateway processes starting at the same moment on a new data directory: one runs, one is refused", async () => {
  const dataDir = tempDir();
  const env = { EOL_DATA_DIR: dataDir, EOL_HTTP: "1", HOST: "127.0.0.1", PORT: "0", EOL_DEMO: "0" };
  const started = [spawnGateway(env), spawnGateway(env)];
  try {
    const outcomes = await Promise.all(started.map((child) => child.outcome));
    const refused = outcomes.filter((outcome) => outcome.startsWith("exit"));
    expect(outcomes.filter((outcome) => outcome === "listening")).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/^exit 5: .*Another gateway process is using EOL_DATA_DIR=/s);
    // The survivor generated one key and its database with it.
    expect(fs.readFileSync(path.join(dataDir, SECRET_KEY_FILE), "utf8").trim()).toMatch(/^[0-9a-f]{64}$/);
  } finally {
    for (const { child } of started) child.kill("SIGTERM");
  }
}, 60_000);

test("a gateway killed with SIGKILL leaves no lock behind: a restart right after it serves", async () => {
  const env = { EOL_DATA_DIR: tempDir(), EOL_HTTP: "1", HOST: "127.0.0.1", PORT: "0", EOL_DEMO: "0" };
  const first = spawnGateway(env);
  expect(await first.outcome).toBe("listening");
  const killed = new Promise((resolve) => first.child.once("exit", resolve));
  first.child.kill("SIGKILL");
  await killed;
  const restarted = spawnGateway(env);
  try {
    expect(await restarted.outcome).toBe("listening");
    expect((await fetch(`${await restarted.url}/healthz`)).status).toBe(200);
  } finally {
    restarted.child.kill("SIGTERM");
  }
}, 60_000);

test("a stalled gateway (SIGSTOP for 15 s) keeps its data directory: a second one is refused", async () => {
  const env = { EOL_DATA_DIR: tempDir(), EOL_HTTP: "1", HOST: "127.0.0.1", PORT: "0", EOL_DEMO: "0" };
  const first = spawnGateway(env);
  try {
    expect(await first.outcome).toBe("listening");
    first.child.kill("SIGSTOP");
    // Longer than the 10 s after which the former mtime-based lock counted as abandoned.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    const second = spawnGateway(env);
    const outcome = await second.outcome;
    second.child.kill("SIGTERM");
    expect(outcome).toMatch(/^exit 5: .*Another gateway process is using EOL_DATA_DIR=/s);
    first.child.kill("SIGCONT");
    expect((await fetch(`${await first.url}/healthz`)).status).toBe(200);
  } finally {
    first.child.kill("SIGCONT");
    first.child.kill("SIGTERM");
  }
}, 90_000);

/** `npm start`'s entry point as a child process; `outcome` says whether it listened or exited (and why). */
function spawnGateway(env: Record<string, string>): {
  child: ChildProcess;
  outcome: Promise<string>;
  url: Promise<string>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", "src/gateway/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let output = "";
  const outcome = new Promise<string>((resolve) => {
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes("gateway is running")) {
        resolve("listening");
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("exit", (code) => resolve(`exit ${code}: ${output}`));
  });
  // The banner names the address it listens on.
  const url = outcome.then(() => /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0] ?? "no address in the banner");
  return { child, outcome, url };
}

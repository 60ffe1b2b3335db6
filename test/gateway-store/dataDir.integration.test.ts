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
import { DATA_DIR_LOCK } from "../../src/gateway/store/openStore";
import { SECRET_KEY_FILE } from "../../src/gateway/crypto/keyFile";
import { buildTestGateway } from "../support/gateway";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
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
  expect(fs.existsSync(path.join(first.dataDir, DATA_DIR_LOCK))).toBe(false);
  const again = await buildTestGateway({ EOL_DEMO: "0" }, { dataDir: first.dataDir });
  await again.close();
});

test("npm start as a second process on the data directory exits with that message", async () => {
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
      code: 1,
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
    expect(refused[0]).toMatch(/^exit 1: .*Another gateway process is using EOL_DATA_DIR=/s);
    // The survivor generated one key and its database with it.
    expect(fs.readFileSync(path.join(dataDir, SECRET_KEY_FILE), "utf8").trim()).toMatch(/^[0-9a-f]{64}$/);
  } finally {
    for (const { child } of started) child.kill("SIGTERM");
  }
}, 60_000);

/** `npm start`'s entry point as a child process; `outcome` says whether it listened or exited (and why). */
function spawnGateway(env: Record<string, string>): { child: ChildProcess; outcome: Promise<string> } {
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
  return { child, outcome };
}

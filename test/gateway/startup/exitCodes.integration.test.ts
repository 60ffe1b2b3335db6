/**
 * One exit code per kind of start-up failure (docs/deploy.md lists them): `npm start`'s entry point
 * (main.ts) and its prestart step as child processes, each given one broken thing.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { loadConfig } from "../../../src/gateway/config/config";
import { EXIT_CODES } from "../../../src/gateway/startup/exitCodes";
import { prestart } from "../../../src/gateway/startup/prestart";
import { lockDataDir } from "../../../src/gateway/store/dataDirLock";

const ROOT = path.resolve(__dirname, "../../..");
const run = promisify(execFile);
const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "eol-exit-"));

interface Outcome {
  code: number;
  output: string;
}

/** Runs a TypeScript entry point with tsx until it exits (they all fail here, so none keeps running). */
async function exitOf(script: string, env: Record<string, string>): Promise<Outcome> {
  const base = { HOST: "127.0.0.1", PORT: "0", EOL_HTTP: "1", EOL_DEMO: "0", EOL_DATA_DIR: tempDir() };
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", script], {
      cwd: ROOT,
      env: { ...process.env, ...base, ...env },
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

async function heldPort(): Promise<{ port: number; release: () => void }> {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
  return { port: (holder.address() as net.AddressInfo).port, release: () => holder.close() };
}

const MAIN = "src/gateway/main.ts";
const PRESTART = "src/gateway/startup/prestart.ts";

test("each kind of failure exits with its own code and says what to change", async () => {
  const held = await heldPort();
  const closed = await heldPort();
  closed.release(); // nothing listens there any more: PostgreSQL "not up"
  const fileInTheWay = path.join(tempDir(), "a-file");
  fs.writeFileSync(fileInTheWay, "");
  const lockedDir = tempDir();
  const releaseLock = lockDataDir(lockedDir);
  try {
    const outcomes = await Promise.all([
      exitOf(MAIN, { PORT: "not-a-port" }),
      exitOf(MAIN, { PORT: String(held.port) }),
      exitOf(MAIN, { EOL_DATA_DIR: path.join(fileInTheWay, "data") }),
      exitOf(MAIN, { EOL_DATA_DIR: lockedDir }),
      exitOf(MAIN, { EOL_STATIC_DIR: tempDir() }),
      exitOf(MAIN, {
        EOL_HTTP: "0",
        EOL_TLS_CERT: "/nonexistent/cert.pem",
        EOL_TLS_KEY: "/nonexistent/key.pem",
      }),
      exitOf(MAIN, {
        EOL_DATABASE_URL: `postgres://eol:s3cret-pw@127.0.0.1:${closed.port}/eol`,
        EOL_SECRET_KEY: "ab".repeat(32),
      }),
    ]);
    const [config, port, dataDir, locked, notBuilt, tls, database] = outcomes;
    expect(config).toMatchObject({
      code: EXIT_CODES.config,
      output: expect.stringMatching(/^PORT: must be/m),
    });
    expect(port).toMatchObject({
      code: EXIT_CODES.port,
      output: expect.stringContaining(`PORT: port ${held.port} on 127.0.0.1 is already in use`),
    });
    expect(dataDir).toMatchObject({
      code: EXIT_CODES.dataDir,
      output: expect.stringMatching(/EOL_DATA_DIR: cannot write/),
    });
    expect(locked).toMatchObject({
      code: EXIT_CODES.dataDirLocked,
      output: expect.stringMatching(/Another gateway process is using EOL_DATA_DIR=/),
    });
    expect(notBuilt).toMatchObject({
      code: EXIT_CODES.notBuilt,
      output: expect.stringMatching(/No built add-in in .*npm run build/),
    });
    expect(tls).toMatchObject({
      code: EXIT_CODES.tls,
      output: expect.stringMatching(/EOL_TLS_CERT\/EOL_TLS_KEY: .*ENOENT/),
    });
    expect(database).toMatchObject({
      code: EXIT_CODES.database,
      output: expect.stringContaining(
        `EOL_DATABASE_URL: cannot connect to PostgreSQL at 127.0.0.1:${closed.port}/eol`,
      ),
    });
    expect(database.output).not.toContain("s3cret-pw");
    // Every code differs, and each message says which code it is.
    const codes = outcomes.map((outcome) => outcome.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { code, output } of outcomes)
      expect(output).toContain(`EOL gateway not started (exit code ${code}).`);
  } finally {
    held.release();
    releaseLock();
  }
}, 90_000);

test("npm start's prestart finds a port in use and a held data directory before building anything", async () => {
  const held = await heldPort();
  const lockedDir = tempDir();
  const releaseLock = lockDataDir(lockedDir);
  try {
    const [port, locked] = await Promise.all([
      exitOf(PRESTART, { PORT: String(held.port) }),
      exitOf(PRESTART, { EOL_DATA_DIR: lockedDir }),
    ]);
    expect(port.code).toBe(EXIT_CODES.port);
    expect(locked.code).toBe(EXIT_CODES.dataDirLocked);
    for (const { output } of [port, locked]) expect(output).not.toMatch(/Build|webpack/);
  } finally {
    held.release();
    releaseLock();
  }
}, 60_000);

test("a failing build stops npm start with exit code 6", async () => {
  // A stand-in project whose add-in build fails: nothing built yet, so prestart builds it.
  const root = tempDir();
  const script = "node -e \"console.error('broken build'); process.exit(1)\"";
  fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ scripts: { "build:addin": script } }));
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    EOL_HTTP: "1",
    EOL_DEMO: "0",
    EOL_DATA_DIR: tempDir(),
  });
  const log: string[] = [];
  await expect(
    prestart(config, root, { log: (line) => log.push(line), stdio: "pipe" }),
  ).rejects.toMatchObject({
    kind: "build",
    exitCode: EXIT_CODES.build,
  });
  expect(log).toEqual(["Building the add-in (dist/): not built yet…"]);
}, 60_000);

/**
 * LOG_FORMAT: `npm start`'s entry point as a child process, its output captured. pretty gives pino-pretty's
 * lines for people (no JSON), json (the default) one JSON object per line; neither prints Fastify's
 * deprecation warnings.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.join(__dirname, "../../..");

interface Run {
  stdout: string[];
  stderr: string;
}

/** Starts the gateway, asks /healthz once, waits for the request line (debug), stops it. */
async function runGateway(env: Record<string, string>): Promise<Run> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "eol-logformat-"));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete childEnv.FORCE_COLOR;
  const child = spawn(process.execPath, ["--import", "tsx", "src/gateway/main.ts"], {
    cwd: ROOT,
    env: {
      ...childEnv,
      EOL_DATA_DIR: dataDir,
      EOL_HTTP: "1",
      HOST: "127.0.0.1",
      PORT: "0",
      EOL_DEMO: "0",
      LOG_LEVEL: "debug",
      ...env,
    },
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const waitFor = (pattern: RegExp): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const match = pattern.exec(stdout);
        if (!match) return;
        child.stdout.off("data", collect);
        resolve(match);
      };
      const collect = (chunk: Buffer): void => {
        stdout += chunk.toString();
        check();
      };
      child.stdout.on("data", collect);
      child.once("exit", (code) => reject(new Error(`gateway exited (${code}): ${stdout}${stderr}`)));
      check();
    });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    const [, health] = await waitFor(/Health:\s+(\S+)/);
    expect((await fetch(health)).status).toBe(200);
    await waitFor(/request completed/);
  } finally {
    child.kill("SIGTERM");
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { stdout: stdout.split("\n").filter((line) => line.trim() !== ""), stderr };
}

function parsesAsJson(line: string): boolean {
  try {
    return typeof JSON.parse(line) === "object";
  } catch {
    return false;
  }
}

test("LOG_FORMAT=pretty prints human-readable lines and no JSON", async () => {
  const { stdout, stderr } = await runGateway({ LOG_FORMAT: "pretty" });
  expect(stdout.filter(parsesAsJson)).toEqual([]);
  expect(stdout).toContainEqual(
    expect.stringMatching(/^\[\d\d:\d\d:\d\d\.\d{3}\] DEBUG: request completed$/),
  );
  // The details follow indented, with the URL and the status.
  expect(stdout).toContainEqual(expect.stringMatching(/^\s+"url": "\/healthz",$/));
  expect(stdout).toContainEqual(expect.stringMatching(/^\s+"statusCode": 200$/));
  expect(stderr).not.toMatch(/FSTDEP|DeprecationWarning/);
}, 60_000);

test("LOG_FORMAT unset (json) prints one JSON object per log line", async () => {
  const { stdout, stderr } = await runGateway({});
  const entries = stdout.filter(parsesAsJson).map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(entries).toContainEqual(
    expect.objectContaining({ level: 20, msg: "request completed", res: { statusCode: 200 } }),
  );
  expect(stdout.some((line) => /^\[[\d:.]+\] (DEBUG|INFO)/.test(line))).toBe(false);
  expect(stderr).not.toMatch(/FSTDEP|DeprecationWarning/);
}, 60_000);

/**
 * `npm start`'s default, HTTPS with the development certificate, as a child process: its log names
 * https, its banner the store and the demo, and plain HTTP sent to its port gets a short answer saying
 * to use https (instead of an empty reply).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const LISTENING = /Server listening at https:\/\/127\.0\.0\.1:(\d+)/;

let child: ChildProcess;
let output = "";
let dataDir: string;
let port: number;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "eol-https-port-"));
  child = spawn(process.execPath, ["--import", "tsx", "src/gateway/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", EOL_DATA_DIR: dataDir, EOL_HTTP: "", EOL_DEMO: "1" },
  });
  await new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
      // The banner and the log line come in either order: wait for both.
      if (/Health: /.test(output) && LISTENING.test(output)) resolve();
    };
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    child.once("exit", (code) => reject(new Error(`gateway exited (${code}): ${output}`)));
  });
  port = Number(LISTENING.exec(output)?.[1]);
}, 60_000);

afterAll(async () => {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function request(
  client: typeof http | typeof https,
  url: string,
  options: https.RequestOptions = {},
): Promise<{ status: number; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    client
      .get(url, options, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], body }),
        );
      })
      .on("error", reject);
  });
}

test("the log says https, and the banner names the SQLite store and the demo", () => {
  expect(port).toBeGreaterThan(0);
  expect(output).not.toMatch(/listening at http:/);
  expect(output).toContain(`Store:          SQLite, ${path.join(dataDir, "eol-gateway.sqlite")}`);
  expect(output).toMatch(/Demo: {11}on /);
});

test("plain HTTP on the HTTPS port is told to use https, and HTTPS keeps working on it", async () => {
  const plain = await request(http, `http://127.0.0.1:${port}/taskpane.html`);
  expect(plain).toEqual({
    status: 400,
    type: "text/plain; charset=utf-8",
    body: `This is the EOL for Excel gateway. It speaks HTTPS only: use https://localhost:${port}/ instead of http://.\n`,
  });
  const secure = await request(https, `https://127.0.0.1:${port}/healthz`, { rejectUnauthorized: false });
  expect(secure.status).toBe(200);
});

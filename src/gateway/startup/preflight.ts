/**
 * Checks run before anything slow (the build, migrations, the demo simulator): each says what is wrong,
 * which variable to change, and carries its exit code. `npm start` runs them before building
 * (prestart.ts); main.ts runs them again, for a gateway started without npm (systemd).
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import tls from "node:tls";
import pg from "pg";
import type { GatewayConfig } from "../config/config";
import { DataDirInUseError, lockDataDir } from "../store/dataDirLock";
import { describeDatabaseUrl } from "../store/postgresStore";
import { StartupFailure } from "./exitCodes";

type Errno = NodeJS.ErrnoException;

/** Node's system errors (duck-typed: `instanceof Error` fails for errors made in another realm, as in jest). */
export const errnoOf = (error: unknown): Errno | null =>
  typeof error === "object" && error !== null && typeof (error as Errno).code === "string"
    ? (error as Errno)
    : null;

export const messageOf = (error: unknown): string =>
  typeof error === "object" && error !== null && typeof (error as Error).message === "string"
    ? (error as Error).message
    : String(error);

/** Why HOST:PORT cannot be bound, with what to change; null when the error is not about listening. */
export function portProblem(
  error: unknown,
  config: Pick<GatewayConfig, "host" | "port">,
): StartupFailure | null {
  const errno = errnoOf(error);
  const where = `port ${config.port} on ${config.host}`;
  switch (errno?.code) {
    case "EADDRINUSE":
      return new StartupFailure(
        "port",
        `PORT: ${where} is already in use; stop the other program or set PORT to a free port (0 picks one).`,
      );
    case "EACCES":
    case "EPERM":
      if (errno.syscall !== "listen" && errno.syscall !== "bind") return null;
      return new StartupFailure(
        "port",
        `PORT: this user may not listen on ${where} (ports below 1024 need extra rights); set PORT to 1024 or above and put a proxy in front.`,
      );
    case "EADDRNOTAVAIL":
      return new StartupFailure(
        "port",
        `HOST: ${config.host} is not an address of this machine; set HOST to one that is (or 0.0.0.0).`,
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return errno.syscall === "getaddrinfo"
        ? new StartupFailure(
            "port",
            `HOST: ${config.host} cannot be resolved; set HOST to this machine's name or address.`,
          )
        : null;
    default:
      return null;
  }
}

/** Binds HOST:PORT for a moment (PORT=0 always succeeds): a port in use is found before the build. */
export async function checkPortFree(config: Pick<GatewayConfig, "host" | "port">): Promise<void> {
  if (config.port === 0) return;
  const probe = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once("error", reject);
      probe.listen({ port: config.port, host: config.host, exclusive: true }, resolve);
    });
  } catch (error) {
    throw portProblem(error, config) ?? error;
  } finally {
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  }
}

export function dataDirProblem(error: unknown, dataDir: string): StartupFailure {
  const errno = errnoOf(error);
  const where = errno?.path ?? dataDir;
  return new StartupFailure(
    "dataDir",
    `EOL_DATA_DIR: cannot write ${where} (${errno?.code ?? String(error)}); give this user write access to ${dataDir} or set EOL_DATA_DIR to a writable folder.`,
  );
}

const DATA_DIR_ERRORS = new Set([
  "EACCES",
  "EPERM",
  "EROFS",
  "ENOTDIR",
  "ENOSPC",
  "EEXIST",
  "EISDIR",
  "ENOENT",
]);

/** The data directory exists (created if need be) and this user may write in it. */
export function checkDataDir(config: Pick<GatewayConfig, "dataDir">): void {
  try {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.accessSync(config.dataDir, fs.constants.W_OK);
  } catch (error) {
    throw dataDirProblem(error, config.dataDir);
  }
}

/**
 * SQLite mode: no other gateway process holds the data directory. Takes the store's own lock and
 * releases it at once, so this agrees with what the store will do; its refusal names the holder.
 */
export function checkDataDirLock(config: Pick<GatewayConfig, "dataDir" | "databaseUrl">): void {
  if (config.databaseUrl) return;
  let release: () => void;
  try {
    release = lockDataDir(config.dataDir);
  } catch (error) {
    if (error instanceof DataDirInUseError) throw new StartupFailure("dataDirLocked", error.message);
    const errno = errnoOf(error);
    if (errno && DATA_DIR_ERRORS.has(errno.code!)) throw dataDirProblem(error, config.dataDir);
    throw new StartupFailure("dataDirLocked", messageOf(error));
  }
  release();
}

/** The built add-in the gateway serves is there (main.ts; `npm start` builds it first). */
export function checkBuilt(config: Pick<GatewayConfig, "staticDir">): void {
  if (fs.existsSync(path.join(config.staticDir, "taskpane.html"))) return;
  throw new StartupFailure(
    "notBuilt",
    `No built add-in in ${config.staticDir}: run "npm run build" first (npm start does), or set EOL_STATIC_DIR to the folder that holds it.`,
  );
}

/** EOL_TLS_CERT and EOL_TLS_KEY can be read and make a certificate with its key. */
export function checkTlsFiles(config: Pick<GatewayConfig, "http" | "tlsCertFile" | "tlsKeyFile">): void {
  if (config.http || !config.tlsCertFile || !config.tlsKeyFile) return;
  try {
    tls.createSecureContext({
      cert: fs.readFileSync(config.tlsCertFile),
      key: fs.readFileSync(config.tlsKeyFile),
    });
  } catch (error) {
    throw tlsProblem(error, config);
  }
}

export function tlsProblem(
  error: unknown,
  config: Pick<GatewayConfig, "tlsCertFile" | "tlsKeyFile">,
): StartupFailure {
  const errno = errnoOf(error);
  const reason = errno?.path
    ? `${errno.code} ${errno.path}`
    : error instanceof Error
      ? error.message
      : String(error);
  return new StartupFailure(
    "tls",
    `EOL_TLS_CERT/EOL_TLS_KEY: ${config.tlsCertFile} and ${config.tlsKeyFile} are not a readable PEM certificate and its key (${reason}).`,
  );
}

/** PostgreSQL mode: the database answers a connection (so "not up yet" is told apart from a wrong setting). */
export async function checkDatabase(config: Pick<GatewayConfig, "databaseUrl">): Promise<void> {
  if (!config.databaseUrl) return;
  const client = new pg.Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 10_000 });
  // A connection that fails after connecting must not crash the process with an unhandled 'error'.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new StartupFailure(
      "database",
      `EOL_DATABASE_URL: cannot connect to PostgreSQL at ${describeDatabaseUrl(config.databaseUrl)} (${messageOf(error)}); start it, or check the host, port, user, password and database in the URL.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Gateway configuration from the environment, validated at start-up: a wrong value stops the gateway
 * with a message naming the variable and what it accepts. Later features add their variables here.
 */
import path from "node:path";

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
const LOG_LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export interface GatewayConfig {
  host: string;
  port: number;
  /** Plain HTTP (tests, or behind a TLS-terminating reverse proxy). */
  http: boolean;
  dataDir: string;
  /** Base URL users reach the gateway at; the manifest and the OAuth redirect URI are built from it. */
  publicUrl: string;
  tlsCertFile: string | null;
  tlsKeyFile: string | null;
  logLevel: LogLevel;
  /** Built add-in files (webpack output). */
  staticDir: string;
}

type Env = Record<string, string | undefined>;

function readPort(env: Env): number {
  const raw = env.PORT;
  if (raw === undefined || raw === "") return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 0 || port > 65535) {
    throw new ConfigError(
      "PORT",
      `must be a whole number from 0 to 65535 (0 picks a free port), got "${raw}"`,
    );
  }
  return port;
}

export function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = raw.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (["0", "false", "no", "off"].includes(value)) return false;
  throw new ConfigError(name, `must be one of 1, 0, true, false, yes, no, on, off; got "${raw}"`);
}

function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(name, `must be one of ${allowed.join(", ")}; got "${raw}"`);
}

function readHost(env: Env): string {
  const raw = env.HOST;
  if (raw === undefined || raw === "") return "localhost";
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(raw)) {
    throw new ConfigError(
      "HOST",
      `must be a host name or IP address such as localhost, 127.0.0.1 or 0.0.0.0; got "${raw}"`,
    );
  }
  return raw;
}

function readPublicUrl(env: Env, fallback: string): string {
  const raw = env.EOL_PUBLIC_URL;
  if (raw === undefined || raw === "") return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      "EOL_PUBLIC_URL",
      `must be an absolute URL such as https://eol.example.com; got "${raw}"`,
    );
  }
  if (!["https:", "http:"].includes(url.protocol) || url.search || url.hash || url.username) {
    throw new ConfigError(
      "EOL_PUBLIC_URL",
      `must be an http(s) URL without credentials, query or fragment; got "${raw}"`,
    );
  }
  return raw.replace(/\/+$/, "");
}

function readFilePair(env: Env): { cert: string | null; key: string | null } {
  const cert = env.EOL_TLS_CERT || null;
  const key = env.EOL_TLS_KEY || null;
  if ((cert === null) !== (key === null)) {
    throw new ConfigError(
      cert ? "EOL_TLS_KEY" : "EOL_TLS_CERT",
      "EOL_TLS_CERT and EOL_TLS_KEY must be set together (PEM file paths)",
    );
  }
  return { cert, key };
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): GatewayConfig {
  const port = readPort(env);
  const host = readHost(env);
  const http = readBoolean(env, "EOL_HTTP", false);
  const tls = readFilePair(env);
  const urlHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return {
    host,
    port,
    http,
    dataDir: path.resolve(cwd, env.EOL_DATA_DIR || "data"),
    publicUrl: readPublicUrl(env, `${http ? "http" : "https"}://${urlHost}:${port}`),
    tlsCertFile: tls.cert,
    tlsKeyFile: tls.key,
    logLevel: readEnum(env, "LOG_LEVEL", LOG_LEVELS, "info"),
    staticDir: path.resolve(cwd, env.EOL_STATIC_DIR || "dist"),
  };
}

/** The same config with the actually bound port (PORT=0 in tests). */
export function withBoundPort(config: GatewayConfig, port: number): GatewayConfig {
  if (config.port === port) return config;
  const publicUrl = config.publicUrl.replace(`:${config.port}`, `:${port}`);
  return { ...config, port, publicUrl };
}

/**
 * Gateway configuration from the environment, validated at start-up: a wrong value stops the gateway
 * with a message naming the variable and what it accepts. Later features add their variables here.
 */
import path from "node:path";
import { COUNTRIES, type Country } from "../../shared/countries";
import { DEFAULT_ADDIN_IDENTITY, type AddinIdentity } from "../../shared/manifestIdentity";
import { readAddinIdentity, readSupportContact, type SupportContact } from "./addin";
import { ConfigError, ProblemCollector } from "./problems";
import { readNumberVariable } from "./numbers";
import { readMetricsConfig, type MetricsConfig } from "./metrics";
import { readSharingConfig, type SharingConfig } from "./sharing";
import { readAnswerLimits, type AnswerLimitsConfig } from "./answerLimits";

export { ConfigError };

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
const LOG_LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
/** json: one JSON object per line, for log collectors; pretty: pino-pretty's lines, for people. */
export type LogFormat = "json" | "pretty";
const LOG_FORMATS: readonly LogFormat[] = ["json", "pretty"];

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
  logFormat: LogFormat;
  /** Built add-in files (webpack output). */
  staticDir: string;
  /** EOL_SERVE_SOURCE_MAPS: serve the bundles' .js.map files (off: they show the source to anyone). */
  serveSourceMaps: boolean;
  /** Exact app configured by the admin (EOL_CLIENT_ID …): the add-in then only signs in. */
  managedApp: ManagedApp | null;
  /** EOL_EXACT_BASE_URL: replaces Exact's host for every country (simulators, tests). */
  exactBaseUrlOverride: string | null;
  /** EOL_SECRET_KEY (32 bytes); null means "generate into the data directory on first run". */
  secretKey: Buffer | null;
  /** EOL_DATABASE_URL (postgres://…): the shared PostgreSQL store of several instances; null = SQLite. */
  databaseUrl: string | null;
  /** EOL_DEMO: start the simulator in-process and offer country "demo". */
  demo: boolean;
  /** EOL_AUTH_RATE_LIMIT: requests per minute per IP on /auth routes. */
  authRateLimitPerMinute: number;
  /** Data API (docs/api.md): cache TTL (EOL_CACHE_TTL_SECONDS, 0 = no caching) and size. */
  cacheTtlSeconds: number;
  cacheMaxEntries: number;
  /** Answer sizes, the memory answers share, the cache's bytes (configAnswerLimits.ts). */
  answerLimits: AnswerLimitsConfig;
  /** EOL_EXACT_CONCURRENCY: calls to Exact in flight at once, over all divisions. */
  exactConcurrency: number;
  /** EOL_EXACT_RETRIES: retries of a failed page (5xx, network, time-out) before "Exact Online unavailable". */
  exactRetries: number;
  /** EOL_EXACT_TIMEOUT_MS: time limit per call to Exact. */
  exactTimeoutMs: number;
  /** EOL_SESSION_IDLE_DAYS / EOL_SESSION_MAX_DAYS: a session ends after this long unused / since sign-in. */
  sessionIdleDays: number;
  sessionMaxDays: number;
  /** EOL_ALLOWED_REDIRECT_URIS: redirect URIs besides this gateway's callback that user-supplied apps may use. */
  allowedRedirectUris: string[];
  /** EOL_TRUST_PROXY: Fastify's trustProxy (false, true, a hop count, or addresses/CIDRs of the proxies). */
  trustProxy: boolean | number | string;
  /** EOL_METRICS_TOKEN / EOL_METRICS_LISTEN: GET /metrics for Prometheus; null = off (configMetrics.ts). */
  metrics: MetricsConfig | null;
  /** How Exact's budgets are shared between users (sharingConfig.ts). */
  sharing: SharingConfig;
  /** EOL_ADDIN_ID, EOL_ADDIN_NAME, EOL_FUNCTION_NAMESPACE: this gateway's add-in (addinConfig.ts). */
  addin: AddinIdentity;
  /** EOL_SUPPORT_URL, EOL_SUPPORT_EMAIL: the contact on the support page. */
  support: SupportContact;
}

export interface ManagedApp {
  country: Country;
  /** Normalised: lower-case GUID without braces. */
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

type Env = Record<string, string | undefined>;

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

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** "{3F1C…}" or "3f1c…" → "3f1c…"; null when it is not a GUID (braces must match). */
export function normaliseClientId(raw: string): string | null {
  const trimmed = raw.trim();
  const match = GUID.exec(trimmed);
  if (!match) return null;
  if (trimmed.startsWith("{") !== trimmed.endsWith("}")) return null;
  return match[1].toLowerCase();
}

/** http is only acceptable on loopback (local simulators, tests). */
export function isLoopbackHost(hostname: string): boolean {
  return ["localhost", "127.0.0.1", "[::1]", "::1"].includes(hostname);
}

/** Redirect URIs must be absolute https URLs (http only on loopback), without fragment or credentials. */
export function redirectUriProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be an absolute URL such as https://eol.example.com/auth/callback";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    return "must use https (http is only allowed for localhost)";
  }
  if (url.hash || url.username || url.password) return "must not contain a fragment or credentials";
  return null;
}

/** Country codes are accepted in any case (NL, nl). */
function readCountry(env: Env): Country {
  const raw = env.EOL_COUNTRY ?? "";
  const country = COUNTRIES.find((code) => code === raw.trim().toLowerCase());
  if (country) return country;
  throw new ConfigError("EOL_COUNTRY", `must be one of ${COUNTRIES.join(", ")} (any case); got "${raw}"`);
}

/** Every problem of the four variables is reported: values given are checked even when others are missing. */
function readManagedApp(env: Env): ManagedApp | null {
  const names = ["EOL_CLIENT_ID", "EOL_CLIENT_SECRET", "EOL_REDIRECT_URI", "EOL_COUNTRY"] as const;
  const given = names.filter((name) => env[name] !== undefined && env[name] !== "");
  if (given.length === 0) return null;
  const collector = new ProblemCollector();
  const country = given.includes("EOL_COUNTRY") ? collector.read(() => readCountry(env), "nl") : "nl";
  const clientId = env.EOL_CLIENT_ID ? normaliseClientId(env.EOL_CLIENT_ID) : null;
  if (env.EOL_CLIENT_ID && !clientId) {
    collector.problems.push(
      new ConfigError("EOL_CLIENT_ID", `must be a GUID (with or without braces); got "${env.EOL_CLIENT_ID}"`),
    );
  }
  const uriProblem = env.EOL_REDIRECT_URI ? redirectUriProblem(env.EOL_REDIRECT_URI) : null;
  if (uriProblem) {
    collector.problems.push(
      new ConfigError("EOL_REDIRECT_URI", `${uriProblem}; got "${env.EOL_REDIRECT_URI}"`),
    );
  }
  for (const missing of names.filter((name) => !given.includes(name))) {
    collector.problems.push(
      new ConfigError(missing, `an admin-managed app needs all of ${names.join(", ")}; this one is missing`),
    );
  }
  collector.throwIfAny();
  return {
    country,
    clientId: clientId!,
    clientSecret: env.EOL_CLIENT_SECRET!,
    redirectUri: env.EOL_REDIRECT_URI!,
  };
}

function readExactBaseUrl(env: Env): string | null {
  const raw = env.EOL_EXACT_BASE_URL;
  if (raw === undefined || raw === "") return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      "EOL_EXACT_BASE_URL",
      `must be an absolute URL such as https://start.exactonline.nl; got "${raw}"`,
    );
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new ConfigError(
      "EOL_EXACT_BASE_URL",
      `must use https (http only for 127.0.0.1/localhost); got "${raw}"`,
    );
  }
  if (url.pathname !== "/" || url.search || url.hash || url.username) {
    throw new ConfigError(
      "EOL_EXACT_BASE_URL",
      `must be a bare origin without path, query or credentials; got "${raw}"`,
    );
  }
  return url.origin;
}

function readSecretKey(env: Env): Buffer | null {
  const raw = env.EOL_SECRET_KEY;
  if (raw === undefined || raw === "") return null;
  if (/^[0-9a-f]{64}$/i.test(raw)) return Buffer.from(raw, "hex");
  if (/^[A-Za-z0-9+/]{43}=$/.test(raw)) return Buffer.from(raw, "base64");
  throw new ConfigError(
    "EOL_SECRET_KEY",
    "must be 32 bytes as 64 hex characters or 44 base64 characters (value not shown)",
  );
}

/** postgres:// or postgresql:// URLs only; the value is never echoed (it may hold a password). */
function readDatabaseUrl(env: Env, secretKey: Buffer | null): string | null {
  const raw = env.EOL_DATABASE_URL;
  if (raw === undefined || raw === "") return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // reported below
  }
  if (!url || !["postgres:", "postgresql:"].includes(url.protocol) || !url.hostname) {
    throw new ConfigError(
      "EOL_DATABASE_URL",
      "must be a PostgreSQL URL such as postgres://eol:password@db.example.com:5432/eol (value not shown)",
    );
  }
  if (!secretKey) {
    throw new ConfigError(
      "EOL_SECRET_KEY",
      "is required with EOL_DATABASE_URL: every gateway instance on the database must use the same key",
    );
  }
  return raw;
}

function checkDemoCountry(managedApp: ManagedApp | null, demo: boolean): void {
  if (managedApp?.country === "demo" && !demo) {
    throw new ConfigError("EOL_COUNTRY", `"demo" needs the built-in simulator; do not set EOL_DEMO=0`);
  }
}

/** Space- or comma-separated absolute redirect URIs. */
function readRedirectUriList(env: Env): string[] {
  const raw = env.EOL_ALLOWED_REDIRECT_URIS ?? "";
  const uris = raw.split(/[\s,]+/).filter((uri) => uri !== "");
  for (const uri of uris) {
    const problem = redirectUriProblem(uri);
    if (problem) throw new ConfigError("EOL_ALLOWED_REDIRECT_URIS", `each URI ${problem}; got "${uri}"`);
  }
  return uris;
}

/** "1"/"true" trusts every proxy, a number trusts that many hops, anything else lists proxy addresses. */
function readTrustProxy(env: Env): boolean | number | string {
  const raw = (env.EOL_TRUST_PROXY ?? "").trim();
  if (raw === "" || /^(0|false|no|off)$/i.test(raw)) return false;
  if (/^(true|yes|on)$/i.test(raw)) return true;
  if (/^\d+$/.test(raw)) return readNumberVariable({ EOL_TRUST_PROXY: raw }, "EOL_TRUST_PROXY");
  const proxyToken = /^(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(\/\d{1,3})?)$/;
  if (!raw.split(",").every((token) => proxyToken.test(token.trim()))) {
    throw new ConfigError(
      "EOL_TRUST_PROXY",
      `must be true, false, a number of proxy hops, or proxy addresses/CIDRs separated by commas; got "${raw}"`,
    );
  }
  return raw;
}

/** Reads every variable; throws one ConfigError listing all problems found (ConfigError.problems). */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): GatewayConfig {
  const c = new ProblemCollector();
  const port = c.read(() => readNumberVariable(env, "PORT"), 3000);
  const host = c.read(() => readHost(env), "localhost");
  const http = c.read(() => readBoolean(env, "EOL_HTTP", false), false);
  const tls = c.read(() => readFilePair(env), { cert: null, key: null });
  const urlHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  const managedApp = c.read(() => readManagedApp(env), null);
  const secretKey = c.read(() => readSecretKey(env), null);
  const databaseUrl = c.read(() => readDatabaseUrl(env, secretKey), null);
  // The demo simulator lives inside one process, so with a shared database it is off unless asked for.
  const demo = c.read(() => readBoolean(env, "EOL_DEMO", databaseUrl === null), true);
  c.read(() => checkDemoCountry(managedApp, demo), undefined);
  const config: GatewayConfig = {
    host,
    port,
    http,
    dataDir: path.resolve(cwd, env.EOL_DATA_DIR || "data"),
    publicUrl: c.read(() => readPublicUrl(env, `${http ? "http" : "https"}://${urlHost}:${port}`), ""),
    tlsCertFile: tls.cert,
    tlsKeyFile: tls.key,
    logLevel: c.read(() => readEnum(env, "LOG_LEVEL", LOG_LEVELS, "info"), "info"),
    logFormat: c.read(() => readEnum(env, "LOG_FORMAT", LOG_FORMATS, "json"), "json"),
    staticDir: path.resolve(cwd, env.EOL_STATIC_DIR || "dist"),
    serveSourceMaps: c.read(() => readBoolean(env, "EOL_SERVE_SOURCE_MAPS", false), false),
    managedApp,
    exactBaseUrlOverride: c.read(() => readExactBaseUrl(env), null),
    secretKey,
    databaseUrl,
    demo,
    authRateLimitPerMinute: c.read(() => readNumberVariable(env, "EOL_AUTH_RATE_LIMIT"), 0),
    cacheTtlSeconds: c.read(() => readNumberVariable(env, "EOL_CACHE_TTL_SECONDS"), 0),
    cacheMaxEntries: c.read(() => readNumberVariable(env, "EOL_CACHE_MAX_ENTRIES"), 0),
    answerLimits: readAnswerLimits(env, c),
    exactConcurrency: c.read(() => readNumberVariable(env, "EOL_EXACT_CONCURRENCY"), 0),
    exactRetries: c.read(() => readNumberVariable(env, "EOL_EXACT_RETRIES"), 0),
    exactTimeoutMs: c.read(() => readNumberVariable(env, "EOL_EXACT_TIMEOUT_MS"), 0),
    sessionIdleDays: c.read(() => readNumberVariable(env, "EOL_SESSION_IDLE_DAYS"), 0),
    sessionMaxDays: c.read(() => readNumberVariable(env, "EOL_SESSION_MAX_DAYS"), 0),
    allowedRedirectUris: c.read(() => readRedirectUriList(env), []),
    trustProxy: c.read(() => readTrustProxy(env), false),
    metrics: c.read(() => readMetricsConfig(env), null),
    sharing: readSharingConfig(env, c),
    addin: c.read(() => readAddinIdentity(env), DEFAULT_ADDIN_IDENTITY),
    support: c.read(() => readSupportContact(env), { url: null, email: null }),
  };
  c.throwIfAny();
  return config;
}

/** The same config with the actually bound port (PORT=0 in tests). */
export function withBoundPort(config: GatewayConfig, port: number): GatewayConfig {
  if (config.port === port) return config;
  const publicUrl = config.publicUrl.replace(`:${config.port}`, `:${port}`);
  return { ...config, port, publicUrl };
}

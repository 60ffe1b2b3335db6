/**
 * GET /metrics (Prometheus) is off unless the operator opens it: on an address of its own
 * (EOL_METRICS_LISTEN, e.g. 127.0.0.1:9464, reachable only by whoever can reach that address), and/or
 * behind a bearer token (EOL_METRICS_TOKEN; on the gateway's own port when no own address is set).
 */
import { ConfigError } from "./problems";
import { readBoundedInt } from "./numbers";

type Env = Record<string, string | undefined>;

export interface MetricsConfig {
  /** Required as `Authorization: Bearer …` wherever /metrics is served; null: none (own address only). */
  token: string | null;
  /** Its own listener; null: /metrics on the gateway's port (then the token is required). */
  listen: { host: string; port: number } | null;
}

export const MIN_METRICS_TOKEN_LENGTH = 32;

function readToken(env: Env): string | null {
  const raw = env.EOL_METRICS_TOKEN;
  if (raw === undefined || raw === "") return null;
  if (raw.length < MIN_METRICS_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(raw)) {
    throw new ConfigError(
      "EOL_METRICS_TOKEN",
      `must be at least ${MIN_METRICS_TOKEN_LENGTH} printable characters without spaces (e.g. openssl rand -hex 32); value not shown`,
    );
  }
  return raw;
}

function readListen(env: Env): MetricsConfig["listen"] {
  const raw = env.EOL_METRICS_LISTEN;
  if (raw === undefined || raw === "") return null;
  const match = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d+)$/.exec(raw);
  if (!match) {
    throw new ConfigError(
      "EOL_METRICS_LISTEN",
      `must be host:port, such as 127.0.0.1:9464 or [::1]:9464; got "${raw}"`,
    );
  }
  const port = readBoundedInt({ EOL_METRICS_LISTEN: match[2] }, "EOL_METRICS_LISTEN", {
    min: 0,
    max: 65_535,
    fallback: 0,
    note: "the port; 0 picks a free one",
  });
  return { host: match[1].replace(/^\[|\]$/g, ""), port };
}

/** null: /metrics is off (the default). */
export function readMetricsConfig(env: Env): MetricsConfig | null {
  const token = readToken(env);
  const listen = readListen(env);
  return token === null && listen === null ? null : { token, listen };
}

/**
 * Exact Online simulator: OAuth, REST/OData, rate limits, errors, latency and faults over seeded data.
 * Start in-process with `startSimulator()` (tests, benchmarks, the demo) or from the CLI (`npm run simulator`).
 * Behaviour and sources: src/simulator/README.md.
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { systemClock, type Clock } from "../shared/clock";
import { AppRegistry, DEMO_APP, type SimApp } from "./apps";
import { DEFAULT_SEED, generateDataset, type DatasetName, type SimDataset } from "./data";
import { FaultInjector, type Latency } from "./faults";
import { RequestLog } from "./log";
import { TokenService } from "./oauth/tokens";
import { ErrorBlocker, RateLimiter } from "./rateLimit";
import { SimulatorServer } from "./server";
import { forgetCachedRows } from "./rest/api";
import type { AutoApprove, NoDivisionBudget, SimulatorState } from "./state";

export { DEMO_APP, normaliseClientId, type SimApp } from "./apps";
export * from "./data";
export { RequestLog, type RequestLogEntry, type RequestLogFilter } from "./log";
export { parseFaultSpec, FAULT_KINDS, type FaultKind, type Latency } from "./faults";
export { SELECT_REQUIRED_TEXT } from "./rest/api";
export { SYNTAX_ERROR } from "./odata/errors";
export {
  ACCESS_TOKEN_LIFETIME_MS,
  EARLIEST_REFRESH_MS,
  REFRESH_IDLE_LIFETIME_MS,
  CODE_LIFETIME_MS,
} from "./oauth/tokens";
export type { AutoApprove, NoDivisionBudget } from "./state";

export interface SimulatorOptions {
  /** Default 0 = a free port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** Default "demo". */
  dataset?: DatasetName;
  /** Seeds data, faults and latency. Default 1. */
  seed?: number;
  /** Default systemClock; tests pass a VirtualClock. */
  clock?: Clock;
  latencyMs?: Latency;
  /** e.g. "500:0.05,503:0.02,hang:0.01,malformed:0.01,drop:0.01,401mid:0.02" (see faults.ts / README). */
  faults?: string | null;
  /** Skip the consent page; the user defaults to the data set's primary user. Default false. */
  autoApprove?: AutoApprove;
  /** Calls per (client ID, division) per clock minute. Default 60. */
  minuteLimit?: number;
  /** Calls per (client ID, division) per UTC day. Default 5000. */
  dayLimit?: number;
  /** Token-endpoint calls per user+app per UTC day. Default 200. */
  tokenQuotaPerDay?: number;
  /** Status of a refresh before 570 s. Default 400 (observed); 401 per an older Exact text. */
  earlyRefreshStatus?: 400 | 401;
  /** The unverified 10-errors-an-hour block. Default false. */
  errorBlock?: boolean;
  /** Apps besides DEMO_APP. */
  apps?: SimApp[];
  /** Budget for calls without a division (current/Me, system/Users, XML). Default "own-bucket" (unverified). */
  noDivisionBudget?: NoDivisionBudget;
  /** Also check the division in system/Divisions URLs (Exact reportedly does not). Default false. */
  strictDivisionsUrl?: boolean;
  /** Endpoints answering 400 without $select or $top=1 (bulk/… always). Default none (unverified which). */
  selectRequired?: string[];
  /**
   * Refuse (400, Exact's syntax error text) a $filter with more comparisons than this. Default none:
   * whether Exact limits a filter's size, and where, is unverified (OData servers built on ASP.NET
   * refuse about 20 or-clauses by default); tests use it to check the gateway copes with a refusal.
   */
  maxFilterComparisons?: number;
  /**
   * Also serve over HTTPS (PEM key and certificate) on a second port, for browsers that refuse plain
   * HTTP pages — an Office sign-in dialog fails with 12003 on one. API calls keep using `url`.
   */
  tls?: { key: Buffer | string; cert: Buffer | string };
}

export interface RunningSimulator {
  /** Base URL playing https://start.exactonline.nl, e.g. "http://127.0.0.1:4000". */
  url: string;
  /** The HTTPS base URL when `tls` was given (the same simulator), else null. */
  secureUrl: string | null;
  clock: Clock;
  apps: { register(app: SimApp): void; addRedirectUri(clientId: string, uri: string): void };
  data: SimDataset;
  log: RequestLog;
  setFaults(spec: string | null): void;
  setLatency(latency: Latency): void;
  setAutoApprove(value: AutoApprove): void;
  /**
   * Changes the data set as Exact's data would change (a role ended, a user blocked) and forgets the
   * rows answered before. Field changes only: rows added or removed are not re-indexed.
   */
  changeData(change: (data: SimDataset) => void): void;
  close(): Promise<void>;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of at least 1, got ${value}`);
  return value;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const clock = options.clock ?? systemClock;
  const seed = options.seed ?? DEFAULT_SEED;
  const host = options.host ?? "127.0.0.1";
  const apps = new AppRegistry([DEMO_APP, ...(options.apps ?? [])]);
  const state: SimulatorState = {
    url: "",
    clock,
    dataset: generateDataset(options.dataset ?? "demo", seed, clock.now()),
    apps,
    tokens: new TokenService(clock, {
      tokenQuotaPerDay: positive("tokenQuotaPerDay", options.tokenQuotaPerDay, 200),
      earlyRefreshStatus: options.earlyRefreshStatus ?? 400,
    }),
    limiter: new RateLimiter(clock, {
      minuteLimit: positive("minuteLimit", options.minuteLimit, 60),
      dayLimit: positive("dayLimit", options.dayLimit, 5000),
    }),
    errorBlocker: options.errorBlock ? new ErrorBlocker(clock) : null,
    faults: new FaultInjector(seed, options.faults ?? null, options.latencyMs ?? 0),
    log: new RequestLog(),
    autoApprove: options.autoApprove ?? false,
    noDivisionBudget: options.noDivisionBudget ?? "own-bucket",
    strictDivisionsUrl: options.strictDivisionsUrl ?? false,
    selectRequired: new Set(options.selectRequired ?? []),
    maxFilterComparisons: options.maxFilterComparisons ?? Infinity,
  };
  const front = new SimulatorServer(state);
  const listen = async (server: http.Server, port: number): Promise<number> => {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    return (server.address() as AddressInfo).port;
  };
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const server = http.createServer(front.handle);
  state.url = `http://${urlHost}:${await listen(server, options.port ?? 0)}`;
  const secure = options.tls ? https.createServer(options.tls, front.handle) : null;
  const secureUrl = secure ? `https://${urlHost}:${await listen(secure, 0)}` : null;
  const closeServer = (s: http.Server) =>
    new Promise<void>((resolve, reject) => {
      s.close((error) => (error ? reject(error) : resolve()));
      s.closeAllConnections();
    });

  return {
    url: state.url,
    secureUrl,
    clock,
    apps: {
      register: (app) => apps.register(app),
      addRedirectUri: (clientId, uri) => apps.addRedirectUri(clientId, uri),
    },
    data: state.dataset,
    log: state.log,
    setFaults: (spec) => state.faults.setSpec(spec),
    setLatency: (latency) => state.faults.setLatency(latency),
    setAutoApprove: (value) => {
      state.autoApprove = value;
    },
    changeData: (change) => {
      change(state.dataset);
      forgetCachedRows();
    },
    close: async () => {
      for (const socket of front.hanging) socket.destroy();
      await Promise.all([closeServer(server), ...(secure ? [closeServer(secure)] : [])]);
    },
  };
}

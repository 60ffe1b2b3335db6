/** Everything a request handler needs, shared by the simulator's routes. */
import type { Clock } from "../shared/clock";
import type { AppRegistry } from "./apps";
import type { SimDataset } from "./data/types";
import type { FaultInjector } from "./faults";
import type { RequestLog } from "./log";
import type { TokenService } from "./oauth/tokens";
import type { ErrorBlocker, RateLimiter } from "./rateLimit";

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type AutoApprove = boolean | { userId?: string };

/** Which budget calls without a division (current/Me, system/Users, XMLDivisions) count against. */
export type NoDivisionBudget = "own-bucket" | "current-division";

export interface SimulatorState {
  /** Base URL playing https://start.exactonline.nl (set once listening). */
  url: string;
  clock: Clock;
  dataset: SimDataset;
  apps: AppRegistry;
  tokens: TokenService;
  limiter: RateLimiter;
  errorBlocker: ErrorBlocker | null;
  faults: FaultInjector;
  log: RequestLog;
  autoApprove: AutoApprove;
  noDivisionBudget: NoDivisionBudget;
  /** Check the URL division of system/Divisions too (Exact reportedly does not: picqer#470). */
  strictDivisionsUrl: boolean;
  /** Endpoints that demand $select or $top=1 (bulk/… always do). */
  selectRequired: ReadonlySet<string>;
  /** Comparisons a $filter may hold (unverified whether Exact has a limit: Infinity by default). */
  maxFilterComparisons: number;
}

export function html(status: number, body: string, headers: Record<string, string> = {}): SimResponse {
  return {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:",
      ...headers,
    },
    body,
  };
}

export function redirect(location: string): SimResponse {
  return { status: 302, headers: { Location: location }, body: "" };
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): SimResponse {
  return {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(value),
  };
}

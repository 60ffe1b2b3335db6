/**
 * Keeps the gateway clear of Exact's error block (reference §3.1: 10 answers of 400/401/403/404 per app,
 * user, division and endpoint within an hour block that combination for an hour, longer on repeat).
 * Counted per chain (one user of one app, shared by all their sessions) and division:
 * - a 4xx answer is remembered for a while (negative cache, bounded), so the same bad request recalculated
 *   by Excel again and again costs no further call; Refresh all (DELETE /api/v1/cache) forgets them;
 * - per endpoint, a counter refuses further calls well before Exact's limit, naming the endpoint, division
 *   and when; `QUERY`'s own errors (a user-written resource, select or filter) may use only part of it, so
 *   the built-in functions keep the rest;
 * - per division, a ceiling across all endpoints (unknown resources included) bounds what one user's
 *   errors can cost. Whether Exact counts per endpoint (as documented) or per division is unverified:
 *   `exactCounts: "division"` makes the division ceiling as strict as the endpoint limit;
 * - a block Exact did impose is remembered until it ends, so nobody keeps calling into it.
 * Counters and blocks live behind ErrorLedger, remembered answers behind RememberedErrors: several
 * gateways on one PostgreSQL share both (coordination/).
 */
import type { Clock } from "../../shared/clock";
import { clip, GatewayError } from "../errors";
import { ERROR_WINDOW_MS, type ErrorLedger } from "../store/types";
import { MemoryErrorLedger } from "./memoryErrorLedger";
import { MemoryRememberedErrors, type RememberedErrors } from "./rememberedErrors";
import type { ExactErrorCounting } from "../config/sharing";

export type { ErrorLedger };
export { MemoryErrorLedger, MemoryRememberedErrors };
export type { RememberedErrors } from "./rememberedErrors";
/** Exact's window for counting errors, and how long its block lasts. */
export { ERROR_WINDOW_MS };

/** Exact blocks at 10; refusing at 5 leaves room for calls already under way and for other tools. */
export const DEFAULT_ERROR_LIMIT = 5;
/** Errors per user and division in an hour, all endpoints together. */
export const DEFAULT_DIVISION_ERROR_LIMIT = 20;
/** `QUERY`'s errors may use this part of each limit; the rest stays for the built-in functions. */
export const QUERY_SHARE = 0.6;
export const DEFAULT_NEGATIVE_TTL_MS = 10 * 60_000;
/** The statuses Exact counts towards its block. */
const COUNTED = new Set([400, 401, 403, 404]);

/** How Exact is assumed to count errors towards its block (unverified; see the module comment). */
export type { ExactErrorCounting };

/** Who asked: the user's own `QUERY`, or one of the built-in functions (whose requests EOL writes). */
export type ErrorOrigin = "builtin" | "query";

export interface ErrorScope {
  chainId: string;
  division: number | null;
  /** Exact's endpoint, e.g. "crm/Accounts" (no query). */
  endpoint: string;
  /** The complete first-page URL: what the negative cache remembers. */
  url: string;
  /** Default "builtin". */
  origin?: ErrorOrigin;
}

export interface ErrorBudgetOptions {
  clock: Clock;
  ledger?: ErrorLedger;
  /** Where definitive 4xx answers are remembered; default: this process's memory. */
  remembered?: RememberedErrors;
  /** Errors per endpoint (and division) in an hour. */
  limit?: number;
  /** Errors per division in an hour, all endpoints together. */
  divisionLimit?: number;
  exactCounts?: ExactErrorCounting;
  negativeTtlMs?: number;
  /** Told (without secrets) when a limit refuses a call. */
  warn?: (fields: Record<string, unknown>, message: string) => void;
}

function where(scope: ErrorScope): string {
  return scope.division === null ? scope.endpoint : `${scope.endpoint} in division ${scope.division}`;
}

const time = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function blockedError(scope: ErrorScope, until: number): GatewayError {
  return new GatewayError(
    429,
    "exact_blocked",
    `Exact Online has blocked this app for ${where(scope)} after too many errors; try again after ${time(until)}.`,
  );
}

/** One counter the check looks at: its ledger key, its limit and what to say when it is reached. */
interface Counter {
  key: string;
  limit: number;
  refusal: (count: number, retryAt: string) => string;
}

const querySide = (limit: number): number => Math.max(1, Math.floor(limit * QUERY_SHARE));

export class ErrorBudget {
  private readonly ledger: ErrorLedger;
  private readonly limit: number;
  private readonly divisionLimit: number;
  private readonly exactCounts: ExactErrorCounting;
  private readonly negativeTtlMs: number;
  /** chain + URL → remembered error; per chain, so Refresh all forgets only its own. */
  private readonly remembered: RememberedErrors;

  constructor(private readonly options: ErrorBudgetOptions) {
    this.ledger = options.ledger ?? new MemoryErrorLedger(options.clock);
    this.limit = options.limit ?? DEFAULT_ERROR_LIMIT;
    this.exactCounts = options.exactCounts ?? "endpoint";
    const divisionLimit = options.divisionLimit ?? DEFAULT_DIVISION_ERROR_LIMIT;
    // Should Exact count all endpoints of a division together, the division must stop where an endpoint does.
    this.divisionLimit =
      this.exactCounts === "division" ? Math.min(divisionLimit, this.limit) : divisionLimit;
    this.negativeTtlMs = options.negativeTtlMs ?? DEFAULT_NEGATIVE_TTL_MS;
    this.remembered = options.remembered ?? new MemoryRememberedErrors();
  }

  /** Ledger key of a counter: the endpoint's (null: all of the division's), the QUERY-only part apart. */
  private key(scope: ErrorScope, endpoint: string | null, queryOnly = false): string {
    const parts = [scope.chainId, scope.division, endpoint];
    return JSON.stringify(queryOnly ? [...parts, "query"] : parts);
  }

  /** The counters a call of `scope` must stay under, in the order they are checked. */
  private counters(scope: ErrorScope): Counter[] {
    const at = where(scope);
    const division = scope.division === null ? "calls without a division" : `division ${scope.division}`;
    const stop = "EOL stops here before Exact blocks this app";
    const counters: Counter[] = [
      {
        key: this.key(scope, scope.endpoint),
        limit: this.limit,
        refusal: (count, retryAt) =>
          `Exact Online refused ${count} calls to ${at} in the last hour; ${stop}. Fix the request, then try again after ${retryAt}.`,
      },
      {
        key: this.key(scope, null),
        limit: this.divisionLimit,
        refusal: (count, retryAt) =>
          `Exact Online refused ${count} of your calls in ${division} in the last hour (all tables); ${stop}. Try again after ${retryAt}.`,
      },
    ];
    if (scope.origin !== "query") return counters;
    const yours = (count: number, target: string, retryAt: string) =>
      `${count} of your QUERYs to ${target} failed at Exact Online in the last hour; EOL keeps the rest of the error allowance for the built-in functions. Fix the query, then try again after ${retryAt}.`;
    return [
      ...counters,
      {
        key: this.key(scope, scope.endpoint, true),
        limit: querySide(this.limit),
        refusal: (count, retryAt) => yours(count, at, retryAt),
      },
      {
        key: this.key(scope, null, true),
        limit: querySide(this.divisionLimit),
        refusal: (count, retryAt) => yours(count, division, retryAt),
      },
    ];
  }

  /** Keys of the blocks that stop a call of `scope`: its endpoint, and its division if Exact counts so. */
  private blockKeys(scope: ErrorScope): string[] {
    const keys = [this.key(scope, scope.endpoint)];
    if (this.exactCounts === "division") keys.push(this.key(scope, null));
    return keys;
  }

  /** Throws instead of calling Exact: a remembered answer, a block in force, or a local limit reached. */
  async check(scope: ErrorScope): Promise<void> {
    const now = this.options.clock.now();
    const known = await this.remembered.recall(scope.chainId, scope.url, now);
    if (known) throw known;
    for (const key of this.blockKeys(scope)) {
      const blocked = await this.ledger.blockedUntil(key, now);
      if (blocked !== null) throw blockedError(scope, blocked);
    }
    for (const counter of this.counters(scope)) {
      const errors = await this.ledger.errorsSince(counter.key, now - ERROR_WINDOW_MS);
      if (errors.length < counter.limit) continue;
      const retryAt = time(errors[errors.length - counter.limit] + ERROR_WINDOW_MS);
      this.options.warn?.(
        { endpoint: scope.endpoint, division: scope.division, origin: scope.origin ?? "builtin" },
        "error limit refused a call to Exact Online",
      );
      throw new GatewayError(429, "error_limit_reached", clip(counter.refusal(errors.length, retryAt)));
    }
  }

  /** Exact answered `status`: counted when Exact counts it; a definitive 4xx is remembered for the URL. */
  async failed(scope: ErrorScope, status: number, error: GatewayError | null): Promise<void> {
    if (!COUNTED.has(status)) return;
    const now = this.options.clock.now();
    for (const counter of this.counters(scope)) await this.ledger.record(counter.key, now);
    if (!error) return;
    const until = now + this.negativeTtlMs;
    await this.remembered.remember(scope.chainId, scope.url, error, until, now);
  }

  /** Exact answered with its block: nothing goes to that combination until `until`. */
  async blocked(scope: ErrorScope, until: number): Promise<GatewayError> {
    for (const key of this.blockKeys(scope)) await this.ledger.block(key, until);
    return blockedError(scope, until);
  }

  /** Refresh all / Clear cache: forget the chain's remembered answers (counters and blocks stay). */
  forget(chainId: string): Promise<void> {
    return this.remembered.forget(chainId);
  }
}

/**
 * Keeps the gateway clear of Exact's error block (reference §3.1: 10 answers of 400/401/403/404 per app,
 * user, division and endpoint within an hour block that combination for an hour, longer on repeat).
 * Per (chain, division, endpoint) — a chain is one user of one app, shared by all their sessions:
 * - a 4xx answer is remembered for a while (negative cache), so the same bad request recalculated by
 *   Excel again and again costs no further call; Refresh all (DELETE /api/v1/cache) forgets them;
 * - a counter refuses further calls well before Exact's limit, naming the endpoint, division and when;
 * - a block Exact did impose is remembered until it ends, so nobody keeps calling into it.
 * Counters and blocks live behind ErrorLedger, so several gateways sharing a store can share them.
 */
import type { Clock } from "../../shared/clock";
import { GatewayError } from "../errors";
import { ERROR_WINDOW_MS, type ErrorLedger } from "../store/types";

export type { ErrorLedger };
/** Exact's window for counting errors, and how long its block lasts. */
export { ERROR_WINDOW_MS };

export class MemoryErrorLedger implements ErrorLedger {
  private readonly errors = new Map<string, number[]>();
  private readonly blocks = new Map<string, number>();

  async record(key: string, at: number): Promise<void> {
    // Only the last hour matters; older entries are dropped as new ones arrive.
    const kept = (this.errors.get(key) ?? []).filter((time) => time > at - ERROR_WINDOW_MS);
    kept.push(at);
    this.errors.set(key, kept);
  }

  async errorsSince(key: string, since: number): Promise<number[]> {
    const recent = (this.errors.get(key) ?? []).filter((time) => time >= since);
    if (recent.length === 0) this.errors.delete(key); // nothing left to count: forget the key
    return recent;
  }

  async block(key: string, until: number): Promise<void> {
    this.blocks.set(key, Math.max(until, this.blocks.get(key) ?? 0));
  }

  async blockedUntil(key: string, now: number): Promise<number | null> {
    const until = this.blocks.get(key);
    if (until === undefined) return null;
    if (until > now) return until;
    this.blocks.delete(key);
    return null;
  }
}

/** Exact blocks at 10; refusing at 5 leaves room for calls already under way and for other tools. */
export const DEFAULT_ERROR_LIMIT = 5;
export const DEFAULT_NEGATIVE_TTL_MS = 10 * 60_000;
/** The statuses Exact counts towards its block. */
const COUNTED = new Set([400, 401, 403, 404]);

export interface ErrorScope {
  chainId: string;
  division: number | null;
  /** Exact's endpoint, e.g. "crm/Accounts" (no query). */
  endpoint: string;
  /** The complete first-page URL: what the negative cache remembers. */
  url: string;
}

export interface ErrorBudgetOptions {
  clock: Clock;
  ledger?: ErrorLedger;
  limit?: number;
  negativeTtlMs?: number;
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

export class ErrorBudget {
  private readonly ledger: ErrorLedger;
  private readonly limit: number;
  private readonly negativeTtlMs: number;
  /** chain → (URL → remembered error): per chain, so Refresh all forgets only its own. */
  private readonly remembered = new Map<string, Map<string, { error: GatewayError; until: number }>>();

  constructor(private readonly options: ErrorBudgetOptions) {
    this.ledger = options.ledger ?? new MemoryErrorLedger();
    this.limit = options.limit ?? DEFAULT_ERROR_LIMIT;
    this.negativeTtlMs = options.negativeTtlMs ?? DEFAULT_NEGATIVE_TTL_MS;
  }

  private key(scope: ErrorScope): string {
    return JSON.stringify([scope.chainId, scope.division, scope.endpoint]);
  }

  /** Throws instead of calling Exact: a remembered answer, a block in force, or the local limit reached. */
  async check(scope: ErrorScope): Promise<void> {
    const now = this.options.clock.now();
    const known = this.remembered.get(scope.chainId)?.get(scope.url);
    if (known && known.until > now) throw known.error;
    const key = this.key(scope);
    const blocked = await this.ledger.blockedUntil(key, now);
    if (blocked !== null) throw blockedError(scope, blocked);
    const errors = await this.ledger.errorsSince(key, now - ERROR_WINDOW_MS);
    if (errors.length >= this.limit) {
      const retryAt = errors[errors.length - this.limit] + ERROR_WINDOW_MS;
      throw new GatewayError(
        429,
        "error_limit_reached",
        `Exact Online refused ${errors.length} calls to ${where(scope)} in the last hour; EOL stops here before Exact blocks this app. Fix the request, then try again after ${time(retryAt)}.`,
      );
    }
  }

  /** Exact answered `status`: counted when Exact counts it; a definitive 4xx is remembered for the URL. */
  async failed(scope: ErrorScope, status: number, error: GatewayError | null): Promise<void> {
    if (!COUNTED.has(status)) return;
    const now = this.options.clock.now();
    await this.ledger.record(this.key(scope), now);
    if (!error) return;
    let chain = this.remembered.get(scope.chainId);
    if (!chain) this.remembered.set(scope.chainId, (chain = new Map()));
    for (const [url, known] of chain) if (known.until <= now) chain.delete(url);
    chain.set(scope.url, { error, until: now + this.negativeTtlMs });
  }

  /** Exact answered with its block: nothing goes to that combination until `until`. */
  async blocked(scope: ErrorScope, until: number): Promise<GatewayError> {
    await this.ledger.block(this.key(scope), until);
    return blockedError(scope, until);
  }

  /** Refresh all / Clear cache: forget the chain's remembered answers (counters and blocks stay). */
  forget(chainId: string): void {
    this.remembered.delete(chainId);
  }
}

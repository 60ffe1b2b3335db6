/**
 * The Exact REST client: every call goes through the rate scheduler, carries `Accept: application/json`,
 * follows `__next` to the end (only on the same Exact host and resource), and turns Exact's failures into
 * our errors. 401 → one refresh, then "sign in again"; 429 → wait for the reset and retry; 5xx, network
 * errors, time-outs and unreadable pages → retries with exponential backoff and jitter, then
 * "Exact Online unavailable". A failed page fails the whole result: never a truncated list.
 */
import type { Clock } from "../../shared/clock";
import { NO_TELEMETRY, type GatewayTelemetry, type SessionContext, type TokenSource } from "../contracts";
import { budgetKey, type RateScheduler } from "../scheduler/scheduler";
import type { SharedRateBudget } from "../scheduler/sharedBudget";
import { dailyLimitError, type DivisionBudget } from "../scheduler/budget";
import { hasRateLimitHeaders, readRateLimitHeaders } from "../scheduler/rateLimitHeaders";
import { GatewayError } from "../errors";
import {
  isTransientStatus,
  mapExactError,
  rateLimitedError,
  reauthError,
  unavailableError,
} from "./errorMapping";
import { MalformedResponseError, parseODataPage, type ExactRecord, type ODataPage } from "./odata";
import { ERROR_WINDOW_MS, type ErrorBudget, type ErrorOrigin, type ErrorScope } from "./errorBudget";

export interface ExactClientOptions {
  clock: Clock;
  tokens: TokenSource;
  scheduler: RateScheduler;
  /** The only-Exact-hosts guard; throws for any other URL. */
  assertAllowedUpstream: (url: string) => void;
  /** Attempts per page for transient failures (5xx, network, time-out, unreadable body). */
  maxAttempts: number;
  /** Real-time limit per HTTP call (a hung connection is a network fault, not clock time). */
  timeoutMs: number;
  backoffBaseMs: number;
  /** 429s in a row for one page before giving up (other apps may keep eating the shared budget). */
  maxRateLimitRetries?: number;
  random?: () => number;
  fetchImpl?: typeof fetch;
  /** Remembers Exact's 4xx answers and refuses before Exact's error block (see errorBudget.ts). */
  errorBudget: ErrorBudget;
  /** The coordination's rate budget: shared by every instance on PostgreSQL, the scheduler's alone in one process. */
  rateBudget: SharedRateBudget;
  /** Calls and queue waits, for operators (plugins/metrics.ts). */
  telemetry?: GatewayTelemetry;
}

export type ODataQuery = Record<string, string | undefined>;

/**
 * Who watches a listing page by page: `onPage` may throw to stop it (a size limit), and once `signal`
 * aborts no further page is requested (a call already waiting for the scheduler is not sent).
 */
export interface PageWatch {
  onPage?: (records: ExactRecord[]) => void;
  signal?: AbortSignal;
  /** "query": the user wrote the request (QUERY), so its errors use only QUERY's part of the allowance. */
  origin?: ErrorOrigin;
}

/**
 * Who a call is made for: the budget key (client ID), the token chain and Exact's base URL. A session
 * context is one; the sign-in callback passes its own one-off `tokens` before a chain exists.
 */
export interface ExactCaller extends Pick<SessionContext, "chainId" | "clientId" | "exactBaseUrl"> {
  tokens?: TokenSource;
}

type Outcome =
  | { kind: "ok"; page: ODataPage }
  | { kind: "unauthorized" }
  | { kind: "minuteLimited" }
  | { kind: "sharedWait" }
  | { kind: "dayLimited"; resetAt: number | null }
  | { kind: "transient" }
  | { kind: "blocked"; until: number }
  | { kind: "failed"; status: number; error: GatewayError };

const MAX_PAGES = 5000;

/** `$select=A,B&$filter=…` with OData's `$` keys kept literal and values percent-encoded. */
export function buildODataQueryString(query: ODataQuery): string {
  return Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "")
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
}

export function resourceUrl(
  baseUrl: string,
  division: number | null,
  resource: string,
  query: ODataQuery,
): string {
  const divisionPart = division === null ? "" : `${division}/`;
  const qs = buildODataQueryString(query);
  return `${baseUrl.replace(/\/+$/, "")}/api/v1/${divisionPart}${resource}${qs ? `?${qs}` : ""}`;
}

/** When Exact's block ends: its Retry-After (seconds) when sent, else the documented hour. */
function blockEnd(headers: Headers, now: number): number {
  const seconds = Number(headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? now + seconds * 1000 : now + ERROR_WINDOW_MS;
}

export class ExactClient {
  private readonly telemetry: GatewayTelemetry;

  constructor(private readonly options: ExactClientOptions) {
    this.telemetry = options.telemetry ?? NO_TELEMETRY;
  }

  /** Refresh all / Clear cache: remembered error answers of the chain are tried again. */
  forgetErrors(chainId: string): Promise<void> {
    return this.options.errorBudget.forget(chainId);
  }

  /**
   * Every record of `resource` (all pages). `division` null for division-less resources (current/Me);
   * `watch` sees each page as it arrives and may stop the listing; its `origin` "query" when the user wrote
   * the request (QUERY), which may use only part of the error allowance.
   */
  async getAll(
    session: ExactCaller,
    division: number | null,
    resource: string,
    query: ODataQuery,
    watch: PageWatch = {},
  ): Promise<ExactRecord[]> {
    const first = resourceUrl(session.exactBaseUrl, division, resource, query);
    const origin = watch.origin ?? "builtin";
    const scope: ErrorScope = { chainId: session.chainId, division, endpoint: resource, url: first, origin };
    await this.options.errorBudget.check(scope);
    const records: ExactRecord[] = [];
    let url: string | null = first;
    for (let pages = 0; url !== null; pages += 1) {
      if (pages >= MAX_PAGES) {
        throw new GatewayError(502, "exact_unavailable", "Exact Online kept sending more pages; stopped.");
      }
      this.checkPageUrl(first, url);
      watch.signal?.throwIfAborted();
      const page = await this.getPage(session, scope, url, watch.signal);
      watch.onPage?.(page.records);
      records.push(...page.records);
      url = page.next;
    }
    return records;
  }

  /** `__next` must stay on the same Exact host and the same resource path. */
  private checkPageUrl(first: string, candidate: string): void {
    let next: URL;
    try {
      next = new URL(candidate);
    } catch {
      throw new GatewayError(502, "exact_unavailable", "Exact Online sent an invalid next-page link.");
    }
    const start = new URL(first);
    if (next.origin !== start.origin || next.pathname !== start.pathname) {
      throw new GatewayError(
        502,
        "exact_unavailable",
        "Exact Online sent a next-page link to another place.",
      );
    }
    this.options.assertAllowedUpstream(candidate);
  }

  private async getPage(
    session: ExactCaller,
    scope: ErrorScope,
    url: string,
    signal?: AbortSignal,
  ): Promise<ODataPage> {
    const { scheduler, maxAttempts, errorBudget } = this.options;
    const tokens = session.tokens ?? this.options.tokens;
    const { division } = scope;
    const maxRateLimitRetries = this.options.maxRateLimitRetries ?? 5;
    let transientFailures = 0;
    let rateLimitHits = 0;
    let refreshed = false;
    // A 401 that a refresh recovers is no mistake of the user's: counted only when the page fails on it.
    let unauthorized = 0;
    const countUnauthorized = async (): Promise<void> => {
      for (; unauthorized > 0; unauthorized -= 1) await errorBudget.failed(scope, 401, null);
    };
    for (;;) {
      // The token is taken inside the slot: a wait for the budget may outlast the one we had.
      let token = "";
      const key = budgetKey(session.clientId, division);
      // Each user's calls take turns with the other users' on the same budget (their own share).
      const queuedAt = this.options.clock.now();
      const outcome = await scheduler.schedule(
        session.clientId,
        division,
        async (budget) => {
          this.telemetry.queueWait(division, this.options.clock.now() - queuedAt);
          const denied = await this.reserveShared(key, budget, session);
          if (denied) return denied;
          token = await tokens.getAccessToken(session.chainId);
          return this.send(url, token, budget, key);
        },
        session.chainId,
        // The request gave up while this call waited for its turn: the scheduler drops it, unsent.
        signal,
      );
      switch (outcome.kind) {
        case "ok":
          return outcome.page;
        case "failed":
          await errorBudget.failed(scope, outcome.status, outcome.error);
          throw outcome.error;
        case "blocked":
          // Never retried, and the division's shared minute budget is left alone.
          throw await errorBudget.blocked(scope, outcome.until);
        case "unauthorized":
          unauthorized += 1;
          if (refreshed) {
            await countUnauthorized();
            throw reauthError();
          }
          try {
            await tokens.refreshAfterUnauthorized(session.chainId, token);
            refreshed = true;
          } catch (error) {
            // A dead chain ends here; a refused-but-live one (e.g. "too early") gets a retry as is.
            const dead = !(error instanceof GatewayError) || error.code === "reauth_required";
            if (!dead) transientFailures += 1;
            if (dead || transientFailures >= maxAttempts) {
              await countUnauthorized();
              throw error;
            }
            await this.options.clock.sleep(this.backoff(transientFailures));
          }
          break;
        case "minuteLimited":
          rateLimitHits += 1;
          if (rateLimitHits > maxRateLimitRetries) throw rateLimitedError(division);
          break; // the scheduler now waits for the reset before sending again
        case "sharedWait":
          break; // other instances spent the shared minute: the scheduler waits for its reset
        case "dayLimited":
          throw dailyLimitError(division, outcome.resetAt);
        case "transient":
          transientFailures += 1;
          if (transientFailures >= maxAttempts) throw unavailableError(transientFailures);
          await this.options.clock.sleep(this.backoff(transientFailures));
          break;
      }
    }
  }

  /** Exponential steps with jitter (half fixed, half random): spreads retries of many sessions apart. */
  private backoff(failures: number): number {
    const random = this.options.random ?? Math.random;
    const ceiling = this.options.backoffBaseMs * 2 ** (failures - 1);
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  }

  /**
   * Takes the call from the budget shared with other instances; when it has none left, this instance's
   * budget learns the wait (so the scheduler parks the division without holding a slot).
   */
  private async reserveShared(
    key: string,
    budget: DivisionBudget,
    session: ExactCaller,
  ): Promise<Outcome | null> {
    const { rateBudget, clock, scheduler } = this.options;
    const now = clock.now();
    // The user's share of the minute is counted across instances too (see scheduler.ts).
    const share = { user: session.chainId, limit: scheduler.userMinuteShare(budget) };
    const decision = await rateBudget.reserve(key, budget.division, now, share);
    if (decision.kind === "send") return null;
    if (decision.kind === "shareSpent") {
      scheduler.holdUser(session.clientId, budget.division, session.chainId);
      return { kind: "sharedWait" };
    }
    if (decision.kind === "dayExhausted") {
      budget.markDaySpent(decision.resetAt);
      return { kind: "dayLimited", resetAt: decision.resetAt };
    }
    budget.markMinuteSpent(decision.until, now);
    return { kind: "sharedWait" };
  }

  private async send(url: string, token: string, budget: DivisionBudget, key: string): Promise<Outcome> {
    const { clock, timeoutMs } = this.options;
    const fetchImpl = this.options.fetchImpl ?? fetch;
    this.options.assertAllowedUpstream(url);
    let response: Response;
    let bodyText: string;
    try {
      response = await fetchImpl(url, {
        method: "GET",
        headers: { accept: "application/json", authorization: `Bearer ${token}` },
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      bodyText = await response.text();
    } catch {
      this.telemetry.exactCall(null);
      return { kind: "transient" }; // network error, dropped connection or time-out
    }
    this.telemetry.exactCall(response.status);
    const snapshot = readRateLimitHeaders(response.headers, clock.now());
    const shared = this.options.rateBudget;
    const division = budget.division;
    budget.learn(snapshot, clock.now());
    const headed = hasRateLimitHeaders(snapshot);
    if (headed) await shared.learn(key, division, snapshot, clock.now());
    const status = response.status;
    if (status === 429) {
      // Exact's error block answers 429 without any rate-limit header (the budget headers come with
      // every rate-limited answer): waiting a minute would not help, and the budget is not spent.
      if (!headed) return { kind: "blocked", until: blockEnd(response.headers, clock.now()) };
      const minutely = snapshot.minuteResetAt !== null || snapshot.minuteRemaining !== null;
      if (!minutely && (snapshot.dayResetAt !== null || snapshot.dayRemaining !== null)) {
        budget.markDaySpent(snapshot.dayResetAt);
        await shared.markDaySpent(key, division, snapshot.dayResetAt);
        return { kind: "dayLimited", resetAt: snapshot.dayResetAt };
      }
      budget.markMinuteSpent(snapshot.minuteResetAt, clock.now());
      await shared.markMinuteSpent(key, division, snapshot.minuteResetAt, clock.now());
      return { kind: "minuteLimited" };
    }
    // Exact's old 401 was a redirect to its login page.
    if (status === 401 || (status >= 300 && status < 400)) return { kind: "unauthorized" };
    if (isTransientStatus(status)) return { kind: "transient" };
    if (status < 200 || status >= 300) {
      return {
        kind: "failed",
        status,
        error: mapExactError(status, bodyText, response.headers.get("reason"), budget.division),
      };
    }
    try {
      return { kind: "ok", page: parseODataPage(bodyText) };
    } catch (error) {
      if (error instanceof MalformedResponseError) return { kind: "transient" };
      throw error;
    }
  }
}

/**
 * Where the EOL functions get their data. Identical calls (same route and normalised parameters)
 * share one gateway request while it is in flight, and a successful answer is reused for a short
 * time, so 100 cells with the same formula make one call. Failures are never kept. clear() (Refresh
 * all, Clear cache) forgets everything, including answers still on their way. A cell that Excel cancels
 * (its formula edited or deleted) stops waiting at once, and the shared request is aborted when no
 * caller waits for it any more, so the gateway stops its fan-out for it.
 */
import type { SessionInfo, TableResponse } from "../../shared/api";
import { emit } from "../events";
import { GatewayRequestError, type GatewayClient, type QueryParams, type TableRoute } from "./gatewayClient";

export const RESULT_TTL_MS = 60_000;

interface Entry {
  promise: Promise<unknown>;
  /** When the answer arrived (ms); undefined while in flight. */
  settledAt?: number;
  /** Aborts the request once every caller that could cancel has, and no other caller waits. */
  controller: AbortController;
  /** Callers with a signal still waiting. */
  cancelableWaiting: number;
  /** A caller without a signal waits: the request is never aborted. */
  pinned: boolean;
}

/** What a caller may pass: its signal aborts when its cell no longer needs the answer. */
export interface TableGetOptions {
  signal?: AbortSignal;
}

function cancelledError(): GatewayRequestError {
  return new GatewayRequestError(0, "cancelled", "Cancelled: Excel no longer needs this result.");
}

export type DataClient = Pick<GatewayClient, "table" | "session">;

export interface TableSourceOptions {
  client: DataClient;
  now?: () => number;
  ttlMs?: number;
}

/** Same parameters in any order, with empty ones dropped, give the same key. */
export function requestKey(route: TableRoute, params: QueryParams): string {
  const parts = Object.entries(params)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([key, value]) => `${key}=${String(value)}`)
    .sort();
  return `${route}?${parts.join("&")}`;
}

const SESSION_KEY = "auth/session";

export class TableSource {
  private readonly entries = new Map<string, Entry>();
  private readonly client: DataClient;
  private readonly now: () => number;
  private readonly ttlMs: number;
  /** After clear({ bypassGateway }), the next fetch of these keys also bypasses the gateway's cache. */
  private readonly bypassGatewayCache = new Set<string>();

  constructor(options: TableSourceOptions) {
    this.client = options.client;
    this.now = options.now ?? (() => Date.now());
    this.ttlMs = options.ttlMs ?? RESULT_TTL_MS;
  }

  get(route: TableRoute, params: QueryParams = {}, options: TableGetOptions = {}): Promise<TableResponse> {
    const key = requestKey(route, params);
    return this.shared(key, options.signal, async (noCache, signal) => {
      const table = await this.client.table(route, params, { noCache, signal });
      // Once per fetch (not per waiting cell): the task pane shows the new "data as of".
      if (!table.cached) {
        const division = implicitDivision(table);
        emit("data-refreshed", { asOf: table.asOf, ...(division === null ? {} : { implicitDivision: division }) });
      }
      return table;
    });
  }

  /** The signed-in session (user, country), shared like the tables. */
  session(): Promise<SessionInfo> {
    return this.shared(SESSION_KEY, undefined, () => this.client.session());
  }

  private shared<T>(
    key: string,
    signal: AbortSignal | undefined,
    fetchFresh: (noCache: boolean, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(cancelledError());
    const entry = this.entries.get(key);
    if (entry && (entry.settledAt === undefined || this.now() - entry.settledAt < this.ttlMs)) {
      return this.wait(key, entry, signal) as Promise<T>;
    }
    const controller = new AbortController();
    const fresh: Entry = {
      promise: fetchFresh(this.bypassGatewayCache.has(key), controller.signal),
      controller,
      cancelableWaiting: 0,
      pinned: false,
    };
    this.entries.set(key, fresh);
    fresh.promise.then(
      () => {
        if (this.entries.get(key) !== fresh) return; // cleared meanwhile: do not resurrect
        fresh.settledAt = this.now();
        this.bypassGatewayCache.delete(key);
      },
      () => {
        if (this.entries.get(key) === fresh) this.entries.delete(key);
      },
    );
    return this.wait(key, fresh, signal) as Promise<T>;
  }

  /** The entry's answer for one caller, who stops waiting when its signal aborts. */
  private wait(key: string, entry: Entry, signal: AbortSignal | undefined): Promise<unknown> {
    if (!signal || entry.settledAt !== undefined) {
      if (!signal) entry.pinned = true;
      return entry.promise;
    }
    entry.cancelableWaiting += 1;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        reject(cancelledError());
        entry.cancelableWaiting -= 1;
        if (entry.cancelableWaiting > 0 || entry.pinned || entry.settledAt !== undefined) return;
        entry.controller.abort();
        if (this.entries.get(key) === entry) this.entries.delete(key);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      const done = () => signal.removeEventListener("abort", onAbort);
      entry.promise.then(
        (value) => {
          done();
          resolve(value);
        },
        (error: unknown) => {
          done();
          reject(error);
        },
      );
    });
  }

  /** Resolves once no fetch is in flight, including fetches started while waiting. */
  async whenIdle(): Promise<void> {
    for (;;) {
      const pending = [...this.entries.values()].filter((entry) => entry.settledAt === undefined);
      if (pending.length === 0) return;
      await Promise.allSettled(pending.map((entry) => entry.promise));
    }
  }

  /** How many distinct fetches are in flight (for progress). */
  get inFlight(): number {
    return [...this.entries.values()].filter((entry) => entry.settledAt === undefined).length;
  }

  /**
   * Forgets every answer. With bypassGateway the next fetch of each remembered call also sends
   * Cache-Control: no-cache, for when the gateway's own cache could not be cleared.
   */
  clear(options: { bypassGateway?: boolean } = {}): void {
    if (options.bypassGateway) for (const key of this.entries.keys()) this.bypassGatewayCache.add(key);
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The one division an answer covered because none was given (Exact's current division), or null. */
export function implicitDivision(table: Pick<TableResponse, "divisionSource" | "divisions">): number | null {
  return table.divisionSource === "current" && table.divisions.length === 1 ? table.divisions[0] : null;
}

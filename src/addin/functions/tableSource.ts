/**
 * Where the EOL functions get their tables. Identical calls (same route and normalised parameters)
 * share one gateway request while it is in flight, and a successful answer is reused for a short
 * time, so 100 cells with the same formula make one call. Failures are never kept. clear() (Refresh
 * all, Clear cache) forgets everything, including answers still on their way.
 */
import type { TableResponse } from "../../shared/api";
import { emit } from "../events";
import { gatewayClient, type GatewayClient, type QueryParams, type TableRoute } from "../gateway/client";

export const RESULT_TTL_MS = 60_000;

interface Entry {
  promise: Promise<TableResponse>;
  /** When the answer arrived (ms); undefined while in flight. */
  settledAt?: number;
}

export interface TableSourceOptions {
  client?: Pick<GatewayClient, "table">;
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

export class TableSource {
  private readonly entries = new Map<string, Entry>();
  private client: Pick<GatewayClient, "table">;
  private readonly now: () => number;
  private readonly ttlMs: number;
  /** After clear(), the next fetch of each key also bypasses the gateway's cache. */
  private readonly bypassGatewayCache = new Set<string>();

  constructor(options: TableSourceOptions = {}) {
    this.client = options.client ?? gatewayClient;
    this.now = options.now ?? (() => Date.now());
    this.ttlMs = options.ttlMs ?? RESULT_TTL_MS;
  }

  get(route: TableRoute, params: QueryParams = {}): Promise<TableResponse> {
    const key = requestKey(route, params);
    const entry = this.entries.get(key);
    if (entry && (entry.settledAt === undefined || this.now() - entry.settledAt < this.ttlMs))
      return entry.promise;
    const noCache = this.bypassGatewayCache.has(key);
    const fresh: Entry = { promise: this.client.table(route, params, { noCache }) };
    this.entries.set(key, fresh);
    fresh.promise.then(
      (table) => {
        if (this.entries.get(key) !== fresh) return; // cleared meanwhile: do not resurrect
        fresh.settledAt = this.now();
        this.bypassGatewayCache.delete(key);
        if (!table.cached) emit("data-refreshed", { asOf: table.asOf });
      },
      () => {
        if (this.entries.get(key) === fresh) this.entries.delete(key);
      },
    );
    return fresh.promise;
  }

  /**
   * Forgets every answer. With bypassGateway the next fetch of each remembered call also sends
   * Cache-Control: no-cache, for when the gateway's own cache could not be cleared.
   */
  clear(options: { bypassGateway?: boolean } = {}): void {
    if (options.bypassGateway) for (const key of this.entries.keys()) this.bypassGatewayCache.add(key);
    this.entries.clear();
  }

  /** Test seam: the gateway client to use. */
  setClient(client: Pick<GatewayClient, "table">): void {
    this.client = client;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The one source shared by all functions and actions of this runtime. */
export const tableSource = new TableSource();

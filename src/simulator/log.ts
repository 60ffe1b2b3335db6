/** Every request the simulator answered, queryable by tests and benchmarks. */
export type RequestKind = "api" | "xml" | "authorize" | "token" | "other";

export interface RequestLogEntry {
  time: number;
  method: string;
  /** Path without the query string. */
  path: string;
  /** The query string as sent ("" when none): which listing, page and options a call read. */
  query: string;
  kind: RequestKind;
  /** Resource name such as "system/Divisions" or "current/Me" (API calls only). */
  endpoint: string | null;
  division: number | null;
  clientId: string | null;
  userId: string | null;
  status: number;
  /** The injected fault, if any ("500", "hang", "drop", …). */
  fault: string | null;
  /** Token endpoint: the grant type. */
  grantType: string | null;
}

export type RequestLogFilter = Partial<
  Pick<
    RequestLogEntry,
    "kind" | "endpoint" | "division" | "clientId" | "userId" | "status" | "method" | "grantType" | "fault"
  >
>;

export class RequestLog {
  readonly entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
  }

  /** Entries matching every given field of `filter`. */
  filter(filter: RequestLogFilter = {}): RequestLogEntry[] {
    const keys = Object.keys(filter) as Array<keyof RequestLogFilter>;
    return this.entries.filter((entry) => keys.every((key) => entry[key] === filter[key]));
  }

  count(filter: RequestLogFilter = {}): number {
    return this.filter(filter).length;
  }

  /** Calls to the token endpoint (optionally one grant type). */
  tokenCalls(grantType?: "authorization_code" | "refresh_token"): number {
    return this.count(grantType ? { kind: "token", grantType } : { kind: "token" });
  }

  /** 429 responses sent. */
  tooManyRequests(): number {
    return this.count({ status: 429 });
  }

  /** API calls per endpoint, e.g. { "system/Divisions": 25 }. */
  perEndpoint(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const entry of this.entries)
      if (entry.endpoint) counts[entry.endpoint] = (counts[entry.endpoint] ?? 0) + 1;
    return counts;
  }

  /** API calls per division (calls without a division under "none"). */
  perDivision(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const entry of this.entries) {
      if (entry.kind !== "api" && entry.kind !== "xml") continue;
      const key = entry.division === null ? "none" : String(entry.division);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  reset(): void {
    this.entries.length = 0;
  }
}

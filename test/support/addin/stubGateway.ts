/**
 * A small gateway stand-in on loopback (real HTTP) that implements the documented /api/v1 contract
 * (src/shared/api.ts) over fixed data, records every request, and can be told to fail a route. Used
 * for the add-in side's edge cases; gateway.integration.test.ts runs against the real gateway.
 */
import http from "node:http";
import { parseSodRulesParam, ruleLabel, type SodRule } from "../../../src/shared/rules/sodRules";
import type { AddressInfo } from "node:net";
import type {
  AccessReviewResponse,
  CellValue,
  Column,
  SessionInfo,
  TableResponse,
} from "../../../src/shared/api";
import type { ApiErrorBody, ErrorCode } from "../../../src/shared/errors";

export const STUB_TOKEN = "stub-session-token-0123456789abcdef";
export const AS_OF = "2026-11-21T10:15:00.000Z";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  cacheControl: string | undefined;
}

const DIVISION_COLUMNS: Column[] = [
  { name: "Division", type: "number" },
  { name: "Name", type: "string" },
  { name: "Main division", type: "boolean" },
  { name: "Customer name", type: "string" },
  { name: "Start date", type: "date" },
];
const DIVISION_ROWS: CellValue[][] = [
  [101, "Acme Holding", true, '=HYPERLINK("http://evil")', "2020-01-01T00:00:00.000Z"],
  [102, "Acme Retail", false, null, "2021-06-15T13:30:00.000Z"],
  [103, "Acme Labs", false, "+31 20 123 4567", null],
];

const USER_ROLE_COLUMNS: Column[] = [
  { name: "Division", type: "number" },
  { name: "User ID", type: "guid" },
  { name: "Full name", type: "string" },
  { name: "Role", type: "number" },
  { name: "Start date", type: "date" },
  { name: "End date", type: "date" },
  { name: "Active today", type: "boolean" },
];
const USER_ROLE_ROWS: CellValue[][] = [
  [101, "u-1", "Ann Admin", 274, "2020-01-01T00:00:00.000Z", null, true],
  [101, "u-2", "Bob Books", 10, "2020-01-01T00:00:00.000Z", null, true],
  [102, "u-1", "Ann Admin", 274, "2020-01-01T00:00:00.000Z", null, true],
  [102, "u-3", "Cy Former", 274, "2019-01-01T00:00:00.000Z", "2021-01-01T00:00:00.000Z", false],
  [103, "u-2", "Bob Books", 274, "2022-03-01T00:00:00.000Z", null, true],
];
const CURRENT_DIVISION = 101;

const SESSION: SessionInfo = {
  user: { id: "u-1", fullName: "Ann Admin", userName: "ann", email: null },
  country: "nl",
  clientIdMasked: "3f1c…c2a9",
  currentDivision: CURRENT_DIVISION,
  managed: false,
};

function table(
  columns: Column[],
  rows: CellValue[][],
  divisions: number[],
  source: TableResponse["divisionSource"],
): TableResponse {
  return { columns, rows, asOf: AS_OF, divisions, divisionSource: source, cached: false };
}

function chosenDivisions(value: string | undefined): {
  divisions: number[];
  source: TableResponse["divisionSource"];
} {
  if (!value) return { divisions: [CURRENT_DIVISION], source: "current" };
  if (value === "all") return { divisions: [101, 102, 103], source: "all" };
  return { divisions: value.split(",").map(Number), source: "explicit" };
}

function answer(path: string, query: Record<string, string>): TableResponse | null {
  switch (path) {
    case "/api/v1/divisions":
      return table(
        DIVISION_COLUMNS,
        query.scope === "license" ? DIVISION_ROWS : DIVISION_ROWS.slice(0, 2),
        [],
        "none",
      );
    case "/api/v1/me":
      return table(
        [
          { name: "Full name", type: "string" },
          { name: "Current division", type: "number" },
        ],
        [["Ann Admin", CURRENT_DIVISION]],
        [CURRENT_DIVISION],
        "current",
      );
    case "/api/v1/users": {
      const division = Number(query.division ?? CURRENT_DIVISION);
      const rows = USER_ROLE_ROWS.filter((row) => row[0] === division).map((row) => [row[1], row[2]]);
      return table(
        [
          { name: "User ID", type: "guid" },
          { name: "Full name", type: "string" },
        ],
        [...new Map(rows.map((row) => [row[0], row])).values()],
        [division],
        query.division ? "explicit" : "current",
      );
    }
    case "/api/v1/user-roles": {
      const { divisions, source } = chosenDivisions(query.divisions);
      const rows = USER_ROLE_ROWS.filter(
        (row) =>
          divisions.includes(row[0] as number) &&
          (!query.role ||
            query.role
              .split(",")
              .map(Number)
              .includes(row[3] as number)) &&
          (query.activeOnly === "false" || row[6] === true),
      );
      return table(USER_ROLE_COLUMNS, rows, divisions, source);
    }
    case "/api/v1/role-holders": {
      const { divisions, source } = chosenDivisions(query.divisions);
      const roles = (query.roles ?? "").split(",").map(Number);
      const holders = new Map<string, { name: string; divisions: number[] }>();
      for (const row of USER_ROLE_ROWS) {
        if (!divisions.includes(row[0] as number) || !roles.includes(row[3] as number) || row[6] !== true)
          continue;
        const holder = holders.get(row[1] as string) ?? { name: row[2] as string, divisions: [] };
        holder.divisions.push(row[0] as number);
        holders.set(row[1] as string, holder);
      }
      return table(
        [
          { name: "User ID", type: "guid" },
          { name: "Full name", type: "string" },
          { name: "Divisions", type: "string" },
        ],
        [...holders].map(([id, holder]) => [id, holder.name, holder.divisions.join(", ")]),
        divisions,
        source,
      );
    }
    case "/api/v1/query":
      return table(
        [
          { name: "Code", type: "string" },
          { name: "Name", type: "string" },
          { name: "Modified", type: "date" },
        ],
        [
          ["   1", "First", "2024-02-29T00:00:00.000Z"],
          ["   2", "Second", "2024-03-01T12:00:00.000Z"],
        ].slice(0, query.top ? Number(query.top) : undefined),
        [Number(query.division ?? CURRENT_DIVISION)],
        query.division ? "explicit" : "current",
      );
    default:
      return null;
  }
}

function sentRules(param: string | undefined): SodRule[] {
  if (param === undefined) return [];
  const parsed = parseSodRulesParam(param);
  if (!parsed.ok) throw new Error(`the add-in sent bad rules: ${parsed.message}`);
  return parsed.rules;
}

/** The access review over the fixed role rows: holders of the roles, grants since, the catalogue. */
function accessReview(query: Record<string, string>): AccessReviewResponse {
  const { divisions, source } = chosenDivisions(query.divisions ?? "all");
  const roles = query.roles ? query.roles.split(",").map(Number) : [274];
  const since = query.since ?? "2026-08-23";
  const rows = USER_ROLE_ROWS.filter((row) => divisions.includes(row[0] as number));
  const holders = rows.filter((row) => roles.includes(row[3] as number) && row[6] === true);
  const grants = rows.filter((row) => String(row[4]).slice(0, 10) >= since);
  const catalogue = [...new Set(rows.map((row) => row[3] as number))].map((role) => [
    role,
    role === 274 ? "Manage subscription" : `Role ${role}`,
  ]);
  const text = (name: string): Column => ({ name, type: "string" });
  return {
    holders: { columns: USER_ROLE_COLUMNS, rows: holders },
    findings: { columns: [text("Finding"), text("User name")], rows: [] },
    changes: {
      columns: [text("Change"), { name: "Date", type: "date" }, text("User name")],
      rows: grants.map((row) => ["Granted", row[4], row[2]]),
    },
    catalogue: { columns: [{ name: "Role", type: "number" }, text("Description")], rows: catalogue },
    // The stub does not compute conflicts (the gateway's tests do): one row per rule it was sent.
    conflicts: {
      columns: [text("Rule"), { name: "Role A", type: "number" }, { name: "Role B", type: "number" }],
      rows: sentRules(query.rules).map((rule) => [ruleLabel(rule), rule.roleA, rule.roleB]),
    },
    asOf: AS_OF,
    divisions,
    divisionSource: source,
    cached: false,
    since,
    roles,
    inactiveDays: 90,
    snapshotId: "snapshot-1",
    snapshotExpiresAt: "2026-12-02T07:00:00.000Z",
    lastSignOff: null,
    sinceLastSignOff: { columns: [], rows: [] },
  };
}

export interface StubGateway {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Make a route (path) answer with this error until cleared. */
  failures: Map<string, { status: number; code: ErrorCode; message: string }>;
  /** Delay answers so concurrent calls overlap. */
  delayMs: number;
  close(): Promise<void>;
}

export async function startStubGateway(): Promise<StubGateway> {
  const stub: Omit<StubGateway, "baseUrl" | "close"> = { requests: [], failures: new Map(), delayMs: 20 };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const query = Object.fromEntries(url.searchParams);
    stub.requests.push({
      method: req.method ?? "",
      path: url.pathname,
      query,
      authorization: req.headers.authorization,
      cacheControl: req.headers["cache-control"],
    });
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const fail = (status: number, code: ErrorCode, message: string) =>
      send(status, { error: { code, message } } satisfies ApiErrorBody);
    setTimeout(() => {
      if (req.headers.authorization !== `Bearer ${STUB_TOKEN}`)
        return fail(401, "not_signed_in", "Not signed in.");
      const failure = stub.failures.get(url.pathname);
      if (failure) return fail(failure.status, failure.code, failure.message);
      if (req.method === "DELETE" && url.pathname === "/api/v1/cache") return send(204);
      if (req.method === "GET" && url.pathname === "/auth/session") return send(200, SESSION);
      if (req.method === "GET" && url.pathname === "/api/v1/access-review")
        return send(200, accessReview(query));
      const body = req.method === "GET" ? answer(url.pathname, query) : null;
      if (!body) return fail(404, "not_found", "No such route.");
      send(200, body);
    }, stub.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(stub, {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/**
 * Wire types of the gateway's HTTP API, shared by the add-in and the gateway.
 *
 * Auth (all JSON; bodies ≤ 16 KB):
 *   GET    /auth/config                      → AuthConfig
 *   POST   /auth/logins          LoginRequest → 201 LoginStarted
 *   GET    /auth/logins/:id/start              → 302 to Exact's authorize URL (the dialog's first page)
 *   GET    /auth/callback?code&state|error     → 302 /auth-complete.html?status=…&loginId=…[&code=…]
 *   POST   /auth/logins/:id/redeem RedeemRequest → 200 RedeemResponse (once)
 *   GET    /auth/session          (Bearer)     → SessionInfo
 *   DELETE /auth/session[?all=true] (Bearer)   → 204
 *
 * Data (Bearer session token; `Cache-Control: no-cache` bypasses the cache):
 *   GET    /api/v1/me                                              → TableResponse
 *   GET    /api/v1/divisions?scope=accessible|license              → TableResponse
 *   GET    /api/v1/users?division=                                 → TableResponse
 *   GET    /api/v1/user-roles?divisions=1,2|all&role=&activeOnly=  → TableResponse
 *   GET    /api/v1/role-holders?roles=274[,…]&divisions=           → TableResponse
 *   GET    /api/v1/roles?divisions=                                 → TableResponse (role catalogue)
 *   GET    /api/v1/role-changes?since=YYYY-MM-DD&divisions=&roles=  → TableResponse
 *   GET    /api/v1/access-issues?divisions=&inactiveDays=           → TableResponse
 *   GET    /api/v1/access-review?divisions=&roles=&since=&inactiveDays= → AccessReviewResponse
 *   GET    /api/v1/query?resource=&select=&filter=&orderby=&top=&division= → TableResponse
 *   GET    /api/v1/status                                          → StatusResponse
 *   GET    /api/v1/progress/:requestId                             → ProgressResponse (404: unknown)
 *   DELETE /api/v1/cache                                           → 204
 * Table routes accept `X-EOL-Request-Id` (REQUEST_ID_HEADER): the id under which a fan-out over many
 * divisions reports its progress to GET /api/v1/progress/:requestId.
 * Errors: non-2xx with ApiErrorBody (src/shared/errors.ts).
 */
import type { Country } from "./countries";

export const SESSION_HEADER = "authorization"; // "Bearer <session token>"

export interface AuthConfig {
  /** True when the admin configured the Exact app on the gateway; the add-in then only signs in. */
  managed: boolean;
  /** Country of the managed app (only when managed). */
  country?: Country;
  /** The callback URL to register in Exact's App Center (this gateway's /auth/callback). */
  redirectUri: string;
  /** Countries this gateway accepts; includes "demo" when the built-in simulator runs. */
  countries: Country[];
}

export interface LoginRequest {
  /** Random string (≥ 32 chars) the add-in keeps in memory; proves the redeemer started the login. */
  loginSecret: string;
  country?: Country;
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
}

export interface LoginStarted {
  loginId: string;
  /** Same-origin URL to open in the Office dialog / popup. */
  startUrl: string;
  expiresAt: string;
}

/** What auth-complete.html posts to the parent via messageParent / postMessage. */
export interface LoginCompletedMessage {
  type: "eol-login";
  status: "ok" | "error";
  loginId?: string;
  /** One-time code proving this window completed the sign-in; redeem requires it (status "ok"). */
  completionCode?: string;
  /** ErrorCode when status is "error". */
  code?: string;
  message?: string;
}

export interface RedeemRequest {
  loginSecret: string;
  /** From the LoginCompletedMessage: only the window that ran the sign-in receives it. */
  completionCode: string;
}

export interface SessionInfo {
  user: { id: string; fullName: string; userName: string; email: string | null };
  country: Country;
  /** e.g. "3f1c…-…-…c2a9" masked to its first and last 4 characters. */
  clientIdMasked: string;
  currentDivision: number | null;
  managed: boolean;
}

export interface RedeemResponse {
  sessionToken: string;
  session: SessionInfo;
}

export type CellValue = string | number | boolean | null;
export type ColumnType = "string" | "number" | "boolean" | "date" | "guid";

export interface Column {
  /** Stable, documented header text (e.g. "Division", "User name"). */
  name: string;
  type: ColumnType;
}

/** A table ready to spill: dates are ISO-8601 strings, missing values null. */
export interface TableResponse {
  columns: Column[];
  rows: CellValue[][];
  /** When the data was fetched from Exact (ISO), older than now when served from cache. */
  asOf: string;
  /** Divisions the result covers; `divisionSource` says how they were chosen. */
  divisions: number[];
  divisionSource: "explicit" | "current" | "all" | "none";
  cached: boolean;
}

/** The four tables of an access review, from one set of role rows. */
export interface ReviewTables {
  holders: Pick<TableResponse, "columns" | "rows">;
  findings: Pick<TableResponse, "columns" | "rows">;
  changes: Pick<TableResponse, "columns" | "rows">;
  catalogue: Pick<TableResponse, "columns" | "rows">;
}

export interface AccessReviewResponse extends ReviewTables, Omit<TableResponse, "columns" | "rows"> {
  /** First day of the changes table (YYYY-MM-DD). */
  since: string;
  /** Roles whose holders are listed. */
  roles: number[];
  inactiveDays: number;
}

export interface DivisionBudget {
  division: number;
  minuteLimit: number | null;
  minuteRemaining: number | null;
  minuteResetAt: string | null;
  dayLimit: number | null;
  dayRemaining: number | null;
  dayResetAt: string | null;
}

export interface StatusResponse {
  budgets: DivisionBudget[];
  cache: { entries: number; oldestAsOf: string | null; newestAsOf: string | null };
}

/** Header naming a table request so its fan-out's progress can be asked for (client-generated). */
export const REQUEST_ID_HEADER = "x-eol-request-id";
/** What a request id may look like: 8 to 64 letters, digits, "-" or "_" (a UUID fits). */
export const REQUEST_ID_PATTERN = "^[A-Za-z0-9_-]{8,64}$";
/** Fewer divisions than this finish quickly: their fan-out reports no progress. */
export const PROGRESS_MIN_DIVISIONS = 20;

/** GET /api/v1/progress/:requestId: how far the fan-out of one of the caller's requests has come. */
export interface ProgressResponse {
  requestId: string;
  /** The route that asked, e.g. "role-holders", "access-review". */
  table: string;
  /** Divisions answered so far, of `total`. */
  done: number;
  total: number;
  /** The answer went out (kept briefly so a last poll sees the end). */
  finished: boolean;
}

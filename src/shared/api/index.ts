/**
 * Wire types of the gateway's HTTP API, shared by the add-in and the gateway. Each is written once, as a
 * TypeBox schema in this folder (auth.ts, tables.ts, status.ts, errorBody.ts) that the gateway's routes
 * validate or serialize with; this module re-exports only their derived types, so the add-in (which
 * imports from here) carries no schema code.
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
 *   POST   /api/v1/reviews  SignOffRequest (≤ 4 MB)                → 201 ReviewRecord (signs off a snapshot)
 *   GET    /api/v1/reviews                                         → ReviewList (the caller's licence)
 *   GET    /api/v1/reviews/:id                                     → ReviewRecord
 *   GET    /api/v1/reviews/:id/verify                              → ReviewVerification
 *   GET    /api/v1/review-log                                      → TableResponse (=EOL.REVIEWS)
 *   GET    /api/v1/query?resource=&select=&filter=&orderby=&top=&division= → TableResponse
 *   GET    /api/v1/status                                          → StatusResponse
 *   GET    /api/v1/progress/:requestId                             → ProgressResponse (404: unknown)
 *   DELETE /api/v1/cache                                           → 204
 * Table routes accept `X-EOL-Request-Id` (REQUEST_ID_HEADER): the id under which a fan-out over many
 * divisions reports its progress to GET /api/v1/progress/:requestId.
 * Errors: non-2xx with ApiErrorBody (errorBody.ts).
 */
export type * from "./auth";
export type * from "./tables";
export type * from "./status";
export type * from "./reviews";

export const SESSION_HEADER = "authorization"; // "Bearer <session token>"

/** What auth-complete.html posts to the parent via messageParent / postMessage (not an HTTP body). */
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

/** Header naming a table request so its fan-out's progress can be asked for (client-generated). */
export const REQUEST_ID_HEADER = "x-eol-request-id";
/** What a request id may look like: 8 to 64 letters, digits, "-" or "_" (a UUID fits). */
export const REQUEST_ID_PATTERN = "^[A-Za-z0-9_-]{8,64}$";
/** Fewer divisions than this finish quickly: their fan-out reports no progress. */
export const PROGRESS_MIN_DIVISIONS = 20;

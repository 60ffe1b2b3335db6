/**
 * Error codes the gateway returns in `{ error: { code, message } }` bodies. The add-in maps them to
 * cell errors and task-pane texts; messages are already user-facing (and never contain secrets).
 */
import type { ApiErrorBody } from "./api/errorBody";

export const ERROR_CODES = [
  // request / argument problems
  "invalid_request", // malformed body, bad or missing field (message names the field)
  "payload_too_large",
  "headers_too_large",
  "unsupported_media_type", // a body that is not JSON
  "forbidden", // an address that may not be requested (e.g. outside the add-in's files)
  "not_found",
  "too_many_requests", // our own /auth rate limit
  // session
  "not_signed_in", // no or unknown session token
  "reauth_required", // token chain dead (invalid_grant, 30-day idle expiry): sign in again
  "session_expired", // our session outlived its idle or absolute lifetime: sign in again
  // sign-in flow
  "login_expired",
  "login_not_found",
  "login_already_redeemed",
  "login_pending", // redeem before the callback completed
  "wrong_login_secret",
  "state_mismatch",
  "consent_denied",
  "invalid_client", // wrong client ID or secret
  "redirect_uri_mismatch",
  "managed_app", // admin manages the app; settings may not be overridden
  // Exact data access
  "no_division_access",
  "unknown_division",
  "daily_limit_reached",
  "lookup_limit_reached", // the user's hourly ceiling on division look-ups (overhead calls) is reached
  "error_limit_reached", // EOL stopped calling an endpoint that failed repeatedly, before Exact blocks it
  "exact_blocked", // Exact blocked the app for a division and endpoint after too many errors
  "exact_error", // Exact answered 400/404 etc. with its own text
  "exact_unavailable", // 5xx / network after retries
  "answer_too_large", // the answer passed EOL_ANSWER_MAX_ROWS / _BYTES: fetching stopped; narrow the request
  "gateway_busy", // large answers in progress hold the gateway's answer memory: retry after Retry-After
  // access review sign-off
  "snapshot_not_found", // no snapshot has this id
  "snapshot_not_yours", // the snapshot was served to another Exact user
  "snapshot_expired", // served more than 24 hours ago: run the review again
  "snapshot_signed_off", // this snapshot was already signed off
  "internal_error",
  "gateway_stopping", // the gateway is stopping: its grace period ran out, or the request came in after it began
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type { ApiErrorBody };

/**
 * Whether an answer has the error shape. Checked by hand, not with the schema: the add-in would otherwise
 * carry TypeBox's validator for this one check.
 */
export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

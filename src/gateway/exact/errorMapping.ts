/**
 * Turns a non-2xx Exact answer into our own error: which ones are worth retrying, and the clear,
 * user-facing GatewayError for the rest. Messages stay ≤ 255 characters and carry no secrets.
 */
import { clip, GatewayError } from "../errors";
import { exactErrorText } from "./odata";

/** 5xx (except 501, which is Exact saying "not for this endpoint") is transient. */
export function isTransientStatus(status: number): boolean {
  return status >= 500 && status !== 501;
}

export function unavailableError(attempts: number): GatewayError {
  return new GatewayError(
    502,
    "exact_unavailable",
    `Exact Online unavailable: no good answer after ${attempts} attempt${attempts === 1 ? "" : "s"}. Try again in a few minutes.`,
  );
}

/** Exact kept answering 429 although we waited for each reset: other apps share the budget. */
export function rateLimitedError(division: number | null): GatewayError {
  const where = division === null ? "" : ` for division ${division}`;
  return new GatewayError(
    503,
    "exact_unavailable",
    `Exact Online kept refusing calls${where} (its minute limit is shared with other apps). Try again in a minute.`,
  );
}

export function reauthError(): GatewayError {
  return new GatewayError(
    401,
    "reauth_required",
    "Exact Online no longer accepts this sign-in. Sign in again (EOL task pane).",
  );
}

/** A definitive (non-retryable) error answer from Exact → our error. */
export function mapExactError(
  status: number,
  bodyText: string,
  reason: string | null,
  division: number | null,
): GatewayError {
  const text = exactErrorText(bodyText);
  const reasonCode = reason?.split(":")[0]?.trim() ?? "";
  if (status === 403) {
    if (reasonCode === "NoDivisionAccess" && division !== null) {
      return new GatewayError(403, "no_division_access", `No access to division ${division}.`);
    }
    if (reasonCode === "DivisionBlocked" && division !== null) {
      return new GatewayError(
        403,
        "exact_error",
        `Division ${division} is blocked in Exact Online (backup, conversion or deletion in progress).`,
      );
    }
    const detail = reason ? `${text ?? "Forbidden"} (${reason})` : (text ?? "access denied");
    return new GatewayError(403, "exact_error", clip(`Exact Online refused access: ${detail}`));
  }
  if (status === 401) return reauthError();
  const detail = text ?? `HTTP ${status}`;
  const ourStatus = status === 404 ? 404 : 400;
  return new GatewayError(ourStatus, "exact_error", clip(`Exact Online: ${detail}`));
}

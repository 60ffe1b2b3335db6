/*
 * The sign-in window's last page reads only identifiers and codes from its address: a known error code
 * picks a text from the add-in's catalogue, and no text from the address is ever shown or passed on
 * (anyone can send a link to this page with words of their choosing in it).
 */
import type { LoginCompletedMessage } from "../../shared/api";
import { ERROR_CODES, type ErrorCode } from "../../shared/errors";

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** A gateway error code from the address, or internal_error for anything else. */
function knownCode(raw: string | null): ErrorCode {
  return raw !== null && KNOWN_CODES.has(raw) ? (raw as ErrorCode) : "internal_error";
}

/** Reads the gateway's redirect parameters; anything unexpected becomes an error (code only). */
export function completionMessageFromQuery(search: string): LoginCompletedMessage {
  const params = new URLSearchParams(search);
  const status = params.get("status");
  const loginId = params.get("loginId") ?? undefined;
  const completionCode = params.get("completion") ?? undefined;
  if (status === "ok" && loginId && completionCode)
    return { type: "eol-login", status: "ok", loginId, completionCode };
  return {
    type: "eol-login",
    status: "error",
    loginId,
    code: knownCode(params.get("code")),
  };
}

/** A kept sign-in the window can retry ("Try again"): the identity read failed after the code exchange. */
export interface RetryableSignIn {
  loginId: string;
  completionCode: string;
}

export function retryableFromQuery(search: string): RetryableSignIn | null {
  const params = new URLSearchParams(search);
  const loginId = params.get("loginId");
  const completionCode = params.get("completion");
  if (params.get("status") !== "retry" || !loginId || !completionCode) return null;
  return { loginId, completionCode };
}

/**
 * Where the window goes after "Try again": the gateway's answer when it is this page, otherwise this
 * page with the error (it then tells the task pane, as after any failed sign-in).
 */
export function locationAfterRetry(answer: unknown, loginId: string): string {
  const body = (typeof answer === "object" && answer !== null ? answer : {}) as Record<string, unknown>;
  if (typeof body.location === "string" && body.location.startsWith("/auth-complete.html?")) {
    return body.location;
  }
  const error = (body.error ?? {}) as Record<string, unknown>;
  const params = new URLSearchParams({
    status: "error",
    code: knownCode(typeof error.code === "string" ? error.code : null),
    loginId,
  });
  return `/auth-complete.html?${params.toString()}`;
}

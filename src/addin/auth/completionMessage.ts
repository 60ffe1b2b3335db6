import type { LoginCompletedMessage } from "../../shared/api";

/** Reads the gateway's redirect parameters; anything unexpected becomes an error message. */
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
    code: params.get("code") ?? "internal_error",
    message: (params.get("message") ?? "Sign-in did not complete.").slice(0, 300),
  };
}

/** A kept sign-in the window can retry ("Try again"): the identity read failed after the code exchange. */
export interface RetryableSignIn {
  loginId: string;
  completionCode: string;
  message: string;
}

export function retryableFromQuery(search: string): RetryableSignIn | null {
  const params = new URLSearchParams(search);
  const loginId = params.get("loginId");
  const completionCode = params.get("completion");
  if (params.get("status") !== "retry" || !loginId || !completionCode) return null;
  const message = (params.get("message") ?? "Exact Online did not say who you are.").slice(0, 300);
  return { loginId, completionCode, message };
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
    code: typeof error.code === "string" ? error.code : "internal_error",
    message: typeof error.message === "string" ? error.message : "Sign-in did not complete.",
    loginId,
  });
  return `/auth-complete.html?${params.toString()}`;
}

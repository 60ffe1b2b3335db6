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

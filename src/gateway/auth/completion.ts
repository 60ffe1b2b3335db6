/** The callback's answer: a redirect to the add-in's auth-complete page, which messages the task pane. */
import type { ErrorCode } from "../../shared/errors";

export function completionUrl(
  result: { status: "ok" } | { status: "error"; code: ErrorCode; message: string },
  loginId: string | null,
): string {
  const params = new URLSearchParams({ status: result.status });
  if (result.status === "error") {
    params.set("code", result.code);
    params.set("message", result.message);
  }
  if (loginId) params.set("loginId", loginId);
  return `/auth-complete.html?${params.toString()}`;
}

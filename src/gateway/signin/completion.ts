/** The callback's answer: a redirect to the add-in's auth-complete page, which messages the task pane. */
import type { ErrorCode } from "../../shared/errors";

export function completionUrl(
  result: { status: "ok"; completionCode: string } | { status: "error"; code: ErrorCode; message: string },
  loginId: string | null,
): string {
  const params = new URLSearchParams({ status: result.status });
  // The one-time code the task pane must present at redeem; only this browser window sees it.
  if (result.status === "ok") params.set("completion", result.completionCode);
  if (result.status === "error") {
    params.set("code", result.code);
    params.set("message", result.message);
  }
  if (loginId) params.set("loginId", loginId);
  return `/auth-complete.html?${params.toString()}`;
}

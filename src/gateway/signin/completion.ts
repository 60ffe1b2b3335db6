/** The callback's answer: a redirect to the add-in's auth-complete page, which messages the task pane. */
import type { SignInResult } from "./identity";

export function completionUrl(result: SignInResult, loginId: string | null): string {
  const params = new URLSearchParams({ status: result.status });
  // The one-time code the task pane must present at redeem (and "Try again" at identify); only this
  // browser window sees it.
  if (result.status !== "error") params.set("completion", result.completionCode);
  if (result.status !== "ok") {
    params.set("code", result.code);
    params.set("message", result.message);
  }
  if (loginId) params.set("loginId", loginId);
  return `/auth-complete.html?${params.toString()}`;
}

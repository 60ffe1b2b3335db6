/**
 * Why a sign-in did not finish. `code` is an Office dialog error number ("12006"), one of our own
 * window codes, or a gateway ErrorCode; the task pane turns it into a localized text (i18n).
 */
export type WindowErrorCode =
  "popup_blocked" | "popup_closed" | "dialog_busy" | "bad_message" | "login_mismatch" | "timeout";

export class SignInError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "SignInError";
  }
}

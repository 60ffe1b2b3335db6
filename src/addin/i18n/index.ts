/**
 * All texts of the add-in in one place (task pane, ribbon messages, progress, inserted sheets, dialog
 * pages): English and Dutch, chosen by language.ts from Office's display language, switchable in the
 * pane. Excel cell error messages stay English (docs/functions.md says why).
 */
import type { Strings } from "./en";

export type { Strings };
export {
  LANGUAGES,
  addinLanguage,
  addinStrings,
  chooseLanguage,
  isLanguage,
  languageFromLocale,
  stringsFor,
  type Language,
} from "./language";

/** The guide's table: which error codes to explain and in which order (the same in every language). */
export const GUIDE_ERROR_CODES: readonly string[] = [
  "not_signed_in",
  "reauth_required",
  "session_expired",
  "invalid_client",
  "redirect_uri_mismatch",
  "consent_denied",
  "login_expired",
  "managed_app",
  "no_division_access",
  "unknown_division",
  "daily_limit_reached",
  "error_limit_reached",
  "exact_blocked",
  "answer_too_large",
  "gateway_busy",
  "too_many_requests",
  "exact_error",
  "exact_unavailable",
  "network_error",
  "popup_blocked",
  "12006",
  "12009",
  "12011",
];
/** Codes whose gateway message is more specific than any fixed text (it names the field, or is Exact's). */
const GATEWAY_MESSAGE_FIRST = new Set([
  "invalid_request",
  "exact_error",
  "no_division_access",
  "lookup_limit_reached",
  "error_limit_reached",
  "exact_blocked",
  "answer_too_large",
]);

/** The text for an error code: ours when known, else the gateway's own message, else a generic one. */
export function errorText(strings: Strings, code: string, fallback?: string): string {
  if (fallback && GATEWAY_MESSAGE_FIRST.has(code)) return fallback;
  const known = strings.errors[code];
  if (known) return known;
  if (/^\d{5}$/.test(code)) return strings.errorUnknownDialog(code);
  return fallback || strings.errors.internal_error;
}

/** What to tell the user about a failed action: the text for its error code, else its own message. */
export function describeError(strings: Strings, error: unknown): string {
  const code =
    typeof error === "object" && error !== null && "code" in error ? String(error.code) : "internal_error";
  const message = error instanceof Error ? error.message : String(error);
  if (code !== "internal_error") return errorText(strings, code, message);
  return message || strings.somethingWentWrong;
}

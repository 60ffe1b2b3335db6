/**
 * All task-pane texts in one place: English and Dutch, chosen from Office's display language
 * (nl-* → Dutch), switchable in the pane.
 */
import { en, type Strings } from "./en";
import { nl } from "./nl";

export type Language = "en" | "nl";
export type { Strings };

export const LANGUAGES: readonly Language[] = ["en", "nl"];

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
  "too_many_requests",
  "exact_error",
  "exact_unavailable",
  "network_error",
  "popup_blocked",
  "12006",
  "12009",
  "12011",
];
const STRINGS: Record<Language, Strings> = { en, nl };

export function stringsFor(language: Language): Strings {
  return STRINGS[language];
}

export function isLanguage(value: unknown): value is Language {
  return value === "en" || value === "nl";
}

/** "nl", "nl-NL", "nl-BE" → Dutch; anything else (or unknown) → English. */
export function languageFromLocale(locale: string | null | undefined): Language {
  return locale && /^nl(-|_|$)/i.test(locale) ? "nl" : "en";
}

/** Codes whose gateway message is more specific than any fixed text (it names the field, or is Exact's). */
const GATEWAY_MESSAGE_FIRST = new Set([
  "invalid_request",
  "exact_error",
  "no_division_access",
  "error_limit_reached",
  "exact_blocked",
]);

/** The text for an error code: ours when known, else the gateway's own message, else a generic one. */
export function errorText(strings: Strings, code: string, fallback?: string): string {
  if (fallback && GATEWAY_MESSAGE_FIRST.has(code)) return fallback;
  const known = strings.errors[code];
  if (known) return known;
  if (/^\d{5}$/.test(code)) return strings.errorUnknownDialog(code);
  return fallback || strings.errors.internal_error;
}

/** Dates and numbers for the pane, in the pane's language. */
import type { Language } from "../i18n";

const LOCALES: Record<Language, string> = { en: "en-GB", nl: "nl-NL" };

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(LOCALES[language], { dateStyle: "medium", timeStyle: "short" });
}

export function formatNumber(value: number, language: Language): string {
  return value.toLocaleString(LOCALES[language]);
}

/** The later of two ISO timestamps (either may be missing). */
export function latest(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

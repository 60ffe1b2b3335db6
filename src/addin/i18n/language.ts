/**
 * Which language the add-in speaks, decided in one place for the task pane, the ribbon's messages,
 * progress labels, inserted sheets and the dialog pages: the pane's language menu once used (it is
 * shared by everything in the runtime), else ?lang= (previews, screenshots), else Office's display
 * language, else the browser's.
 */
import { sharedState } from "../sharedState";
import { en, type Strings } from "./en";
import { nl } from "./nl";

export type Language = "en" | "nl";

export const LANGUAGES: readonly Language[] = ["en", "nl"];

const STRINGS: Record<Language, Strings> = { en, nl };

// The runtime is shared by several bundles (sharedState.ts): one choice for all of them.
const chosen = sharedState("language", () => ({ language: null as Language | null }));

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

/** Office's display language ("nl-NL"), or null outside Office or before Office is ready. */
export function officeDisplayLanguage(): string | null {
  try {
    return typeof Office !== "undefined" ? (Office.context?.displayLanguage ?? null) : null;
  } catch {
    return null; // Office.context is not ready yet in some hosts
  }
}

function pageSearch(): string {
  return typeof location !== "undefined" ? location.search : "";
}

/** The add-in's language now (see the file comment for the order). */
export function addinLanguage(search = pageSearch()): Language {
  if (chosen.language) return chosen.language;
  const fromUrl = new URLSearchParams(search).get("lang");
  if (isLanguage(fromUrl)) return fromUrl;
  const office = officeDisplayLanguage();
  if (office) return languageFromLocale(office);
  return languageFromLocale(typeof navigator !== "undefined" ? navigator.language : null);
}

/** The texts in the add-in's language now. */
export function addinStrings(): Strings {
  return stringsFor(addinLanguage());
}

/** The pane's language menu: from now on the ribbon, progress and new sheets speak `language` too. */
export function chooseLanguage(language: Language | null): void {
  chosen.language = language;
}

/**
 * Which language the add-in speaks, decided in one place for the task pane, the ribbon's messages,
 * progress labels, inserted sheets and the dialog pages: the pane's language menu once used (it is
 * shared by everything in the runtime), else ?lang= (previews, screenshots), else Office's display
 * language, else the browser's.
 */
import { en, type Strings } from "./en";
import { nl } from "./nl";

export type Language = "en" | "nl";

export const LANGUAGES: readonly Language[] = ["en", "nl"];

const STRINGS: Record<Language, Strings> = { en, nl };

// The pane's choice, for everything in the runtime (one module on the page).
const chosen = { language: null as Language | null };

// Office's display language as the Office adapter reads it. i18n is a leaf (it imports nothing from
// the add-in's other folders), so the adapter hands its reader in when it loads (office/environment.ts).
let hostLanguage: () => string | null = () => null;

/** Where Office's display language comes from; called by the Office adapter. */
export function readHostLanguageWith(read: () => string | null): void {
  hostLanguage = read;
}

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

function pageSearch(): string {
  return typeof location !== "undefined" ? location.search : "";
}

/** The add-in's language now (see the file comment for the order). */
export function addinLanguage(search = pageSearch()): Language {
  if (chosen.language) return chosen.language;
  const fromUrl = new URLSearchParams(search).get("lang");
  if (isLanguage(fromUrl)) return fromUrl;
  const office = hostLanguage();
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

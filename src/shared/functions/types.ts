/**
 * The shape of the function catalogue: every text Excel and the help pages show about a custom
 * function, in English and Dutch side by side, so the two languages are written (and reviewed) together.
 */
export type CatalogueLanguage = "en" | "nl";

export const CATALOGUE_LANGUAGES: readonly CatalogueLanguage[] = ["en", "nl"];

/** One text in every language the add-in speaks. */
export type Localized = Readonly<Record<CatalogueLanguage, string>>;

export interface ParameterDoc {
  /** The name Excel shows in the formula tooltip (Dutch Excel shows the Dutch one). */
  name: Localized;
  /** What to pass, and the default when left out: Excel's parameter help and the help page. */
  help: Localized;
}

/** An example call: its arguments as tokens (TRUE/FALSE are translated, "" leaves one out). */
export interface ExampleDoc {
  args: readonly string[];
  says: Localized;
}

export interface ErrorDoc {
  error: "#VALUE!" | "#N/A";
  when: Localized;
}

export interface FunctionDoc {
  /** The id in functions.ts (`@customfunction ID`); never localized. */
  id: string;
  /** The name typed after the namespace: `name.en` equals the id. */
  name: Localized;
  /** One sentence: the function's description in Excel's formula autocomplete. */
  summary: Localized;
  /** More about what it answers, for the help page. */
  details: Localized;
  parameters: readonly ParameterDoc[];
  /** The table's column headings (the gateway's, English in every language), empty for a single value. */
  columns: readonly string[];
  examples: readonly ExampleDoc[];
  /** Errors particular to this function; the ones every function shares are on every page anyway. */
  errors: readonly ErrorDoc[];
}

/** Exact Online country hosts (reference §1.1). "demo" is the built-in simulator. */
export const EXACT_HOSTS = {
  nl: "https://start.exactonline.nl",
  be: "https://start.exactonline.be",
  de: "https://start.exactonline.de",
  fr: "https://start.exactonline.fr",
  uk: "https://start.exactonline.co.uk",
  es: "https://start.exactonline.es",
  us: "https://start.exactonline.com",
} as const;

export type ExactCountry = keyof typeof EXACT_HOSTS;
export type Country = ExactCountry | "demo";

export const COUNTRIES: readonly Country[] = ["nl", "be", "de", "fr", "uk", "es", "us", "demo"];

export function isCountry(value: unknown): value is Country {
  return typeof value === "string" && (COUNTRIES as readonly string[]).includes(value);
}

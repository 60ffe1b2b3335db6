/**
 * A new sheet never replaces an existing one: "Divisions", then "Divisions (2)", "Divisions (3)", …
 * Excel compares sheet names case-insensitively and allows at most 31 characters without : \ / ? * [ ].
 */
export const MAX_SHEET_NAME_LENGTH = 31;

export function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, " ")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (cleaned || "Sheet").slice(0, MAX_SHEET_NAME_LENGTH);
}

export function uniqueSheetName(base: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((name) => name.toLowerCase()));
  const clean = cleanSheetName(base);
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${clean.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

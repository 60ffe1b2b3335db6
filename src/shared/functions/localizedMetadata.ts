/**
 * functions.json per language (Microsoft's "Localize custom functions": one metadata file per language,
 * the manifest points nl-NL and nl-BE at the Dutch one). custom-functions-metadata generates the
 * structure from functions.ts (ids, parameters, types, options); every text comes from the catalogue,
 * and each function's help link points at its page in that language below the add-in's base URL.
 */
import { checkedBaseUrl } from "../manifestUrls";
import { helpPaths } from "../helpPaths";
import { FUNCTION_CATALOGUE } from "./catalogue";
import type { CatalogueLanguage, FunctionDoc } from "./types";

/** The metadata file of each language, as the manifest names them. */
export const METADATA_FILES: Readonly<Record<CatalogueLanguage, string>> = {
  en: "functions.json",
  nl: "functions-nl.json",
};

interface GeneratedParameter {
  name: string;
  [key: string]: unknown;
}
interface GeneratedFunction {
  id: string;
  parameters: GeneratedParameter[];
  [key: string]: unknown;
}
interface GeneratedMetadata {
  functions: GeneratedFunction[];
  [key: string]: unknown;
}

/** What differs between functions.ts and the catalogue, one line each (none: they agree). */
export function catalogueMismatches(
  generated: readonly GeneratedFunction[],
  catalogue: readonly FunctionDoc[] = FUNCTION_CATALOGUE,
): string[] {
  const problems: string[] = [];
  for (const fn of generated) {
    const doc = catalogue.find((entry) => entry.id === fn.id);
    if (!doc) {
      problems.push(`${fn.id}: not in the function catalogue`);
      continue;
    }
    const declared = fn.parameters.map((p) => p.name).join(", ");
    const described = doc.parameters.map((p) => p.name.en).join(", ");
    if (declared !== described) {
      problems.push(`${fn.id}: functions.ts has (${declared}), the catalogue (${described})`);
    }
  }
  for (const doc of catalogue) {
    if (!generated.some((fn) => fn.id === doc.id)) problems.push(`${doc.id}: not declared in functions.ts`);
  }
  return problems;
}

/**
 * The generated metadata with names, descriptions and help links in `language`. Throws when functions.ts
 * and the catalogue disagree, so a function without texts (or texts without a function) fails the build.
 */
export function localizeMetadata(
  generatedJson: string,
  language: CatalogueLanguage,
  baseUrl: string,
): string {
  const base = checkedBaseUrl(baseUrl);
  const metadata = JSON.parse(generatedJson) as GeneratedMetadata;
  const problems = catalogueMismatches(metadata.functions);
  if (problems.length > 0) {
    throw new Error(`The function catalogue does not match functions.ts:\n${problems.join("\n")}`);
  }
  const functions = metadata.functions.map((fn) => {
    const doc = FUNCTION_CATALOGUE.find((entry) => entry.id === fn.id)!;
    return {
      ...fn,
      name: doc.name[language],
      description: doc.summary[language],
      helpUrl: base + helpPaths.function(language, fn.id),
      parameters: fn.parameters.map((parameter, index) => ({
        ...parameter,
        name: doc.parameters[index].name[language],
        description: doc.parameters[index].help[language],
      })),
    };
  });
  return JSON.stringify({ ...metadata, functions }, null, 2);
}

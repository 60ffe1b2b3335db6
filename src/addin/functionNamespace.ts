/**
 * How this Excel knows the add-in's functions. The namespace is "EOL", unless the gateway serves its
 * own (EOL_FUNCTION_NAMESPACE); the gateway then writes it into taskpane.html's
 * <meta name="eol-function-namespace">, so Refresh all finds the formulas and the pane inserts working
 * ones. The names are those of the metadata Excel loaded for Office's display language: Dutch for the
 * manifest's nl-NL and nl-BE overrides. Excel does not translate an English custom-function name written
 * into a localized Excel (office-js #891: #NAME?), so a formula the add-in writes uses the local name.
 */
import { functionDoc } from "../shared/functions/catalogue";
import { DEFAULT_FUNCTION_NAMESPACE, NAMESPACE_META } from "../shared/manifestIdentity";
import { displayLanguage as officeDisplayLanguage } from "./office/environment";

const VALID = /^[A-Z][A-Z0-9_]{2,31}$/;

/** The Office display languages whose Excel loads functions-nl.json (manifest.xml's metadata overrides). */
export const DUTCH_FUNCTION_LOCALES: readonly string[] = ["nl-NL", "nl-BE"];

export function functionNamespace(doc: Document | undefined = globalThis.document): string {
  const declared = doc?.querySelector(`meta[name="${NAMESPACE_META}"]`)?.getAttribute("content") ?? "";
  return VALID.test(declared) ? declared : DEFAULT_FUNCTION_NAMESPACE;
}

/**
 * A pane text that shows formulas (written with the default `=EOL.`), as this gateway's Excel knows them:
 * `=EOLTEST.USERS` under EOL_FUNCTION_NAMESPACE=EOLTEST, so what users read is what they can type.
 */
export function withOwnNamespace(text: string, namespace: string = functionNamespace()): string {
  return namespace === DEFAULT_FUNCTION_NAMESPACE ? text : text.replace(/=EOL\./g, `=${namespace}.`);
}

/** `=NS.NAME(args)` for function `id`, named as the Excel with this display language knows it. */
export function functionCall(
  id: string,
  args: string,
  displayLanguage: string | null = officeDisplayLanguage(),
): string {
  const dutch = DUTCH_FUNCTION_LOCALES.some(
    (locale) => locale.toLowerCase() === displayLanguage?.toLowerCase(),
  );
  const name = (dutch ? functionDoc(id)?.name.nl : undefined) ?? id;
  return `=${functionNamespace()}.${name}(${args})`;
}

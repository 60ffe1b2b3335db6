/**
 * The custom-function namespace of this add-in (=EOL.DIVISIONS()): "EOL", unless the gateway serves its
 * own (EOL_FUNCTION_NAMESPACE); the gateway then writes it into taskpane.html's
 * <meta name="eol-function-namespace">, so Refresh all finds the formulas and the pane inserts working ones.
 */
import { DEFAULT_FUNCTION_NAMESPACE, NAMESPACE_META } from "../shared/manifestIdentity";

const VALID = /^[A-Z][A-Z0-9_]{2,31}$/;

export function functionNamespace(doc: Document | undefined = globalThis.document): string {
  const declared = doc?.querySelector(`meta[name="${NAMESPACE_META}"]`)?.getAttribute("content") ?? "";
  return VALID.test(declared) ? declared : DEFAULT_FUNCTION_NAMESPACE;
}

/**
 * The shapes of QUERY's resource, field names and sort terms. Strict on purpose: whatever passes is
 * put into the upstream URL, so nothing may look like a host, a path escape or another query option.
 */

/** "crm/Accounts", "salesorder/SalesOrderLines", "read/crm/Accounts": lower-case area, then 1–2 names. */
export const RESOURCE_PATTERN = /^[a-z]+(\/[A-Za-z]+){1,2}$/;

const FIELD = "[A-Za-z_][A-Za-z0-9_]{0,99}";

/** One field name of $select or $orderby (no navigation, no functions). */
export const FIELD_PATTERN = new RegExp(`^${FIELD}$`);

/** One $orderby term: a field name, optionally followed by " asc" or " desc". */
export const ORDER_TERM_PATTERN = new RegExp(`^${FIELD}( (asc|desc))?$`);

/** The comma-separated fields of a select text, trimmed. */
export function selectFields(text: string): string[] {
  return text.split(",").map((field) => field.trim());
}

/**
 * An orderby text as the terms Exact receives ("Name  desc , Code" → ["Name desc", "Code"]), or
 * null when a term is not a field name with optional asc/desc.
 */
export function orderTerms(text: string): string[] | null {
  const terms = text.split(",").map((term) => term.trim().replace(/\s+/g, " "));
  return terms.every((term) => ORDER_TERM_PATTERN.test(term)) ? terms : null;
}

/**
 * The generic query route may read any Exact resource under a division, so its inputs are checked
 * before anything is sent: a resource path of a strict shape, and OData options that cannot smuggle
 * extra options, hosts or control characters into the upstream URL.
 */
import { QUERY_LIMITS } from "../../shared/rules/queryLimits";
import {
  FIELD_PATTERN,
  orderTerms,
  RESOURCE_PATTERN,
  selectFields,
} from "../../shared/rules/resourcePattern";
import { invalid } from "./arguments";

export { QUERY_LIMITS };

export interface QueryOptions {
  resource: string;
  select: string[];
  filter: string | null;
  orderby: string | null;
  top: number | null;
}

/** What each option accepts, in the words of its error messages (also its schema's description). */
export const QUERY_ACCEPTS = {
  resource: 'accepts an Exact resource path such as "crm/Accounts" or "salesorder/SalesOrderLines"',
  select: "accepts a comma-separated list of field names such as Code,Name",
  filter: "accepts one OData filter expression such as Role eq 274",
  orderby: 'accepts field names with optional " asc" or " desc", comma-separated, such as Code desc',
  top: `accepts a whole number from 1 to ${QUERY_LIMITS.top}`,
} as const;

// eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Outside string literals a filter needs only names, numbers, operators' letters and these. */
const FILTER_OUTSIDE_LITERALS = /^[A-Za-z0-9_ .,:()+\-/]*$/;

export function validateResource(raw: string | undefined): string {
  const accepts = QUERY_ACCEPTS.resource;
  if (raw === undefined || raw === "") throw invalid("resource", `is required and ${accepts}`);
  if (raw.length > QUERY_LIMITS.resource)
    throw invalid("resource", `is too long (at most ${QUERY_LIMITS.resource} characters)`);
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^\\\\/i.test(raw) || raw.includes("://")) {
    throw invalid("resource", "must be a resource path, not a URL or host", raw);
  }
  if (raw.includes("..") || /%/.test(raw) || raw.includes("\\")) {
    throw invalid("resource", "must not contain '..', '%' escapes or backslashes", raw);
  }
  if (/[?&#$=;]/.test(raw)) {
    throw invalid(
      "resource",
      "must not contain query options (?, &, #, $, =, ;); use select, filter, orderby, top",
      raw,
    );
  }
  if (CONTROL.test(raw) || /\s/.test(raw))
    throw invalid("resource", "must not contain spaces or control characters");
  if (!RESOURCE_PATTERN.test(raw)) throw invalid("resource", accepts, raw);
  return raw;
}

export function validateSelect(raw: string | undefined): string[] {
  const accepts = QUERY_ACCEPTS.select;
  if (raw === undefined || raw.trim() === "") throw invalid("select", `is required and ${accepts}`);
  if (raw.length > QUERY_LIMITS.select)
    throw invalid("select", `is too long (at most ${QUERY_LIMITS.select} characters)`);
  const fields = selectFields(raw);
  if (fields.length > QUERY_LIMITS.selectFields) {
    throw invalid("select", `names too many fields (at most ${QUERY_LIMITS.selectFields})`);
  }
  for (const field of fields) {
    if (field === "*") throw invalid("select", `must name the fields (not *); it ${accepts}`);
    if (!FIELD_PATTERN.test(field)) throw invalid("select", accepts, raw);
  }
  return [...new Set(fields)];
}

/** Splits a filter into the text outside string literals, checking that quotes balance ('' escapes a quote). */
function outsideLiterals(filter: string): string | null {
  let outside = "";
  let inLiteral = false;
  for (let i = 0; i < filter.length; i += 1) {
    const char = filter[i];
    if (char === "'") {
      if (inLiteral && filter[i + 1] === "'") {
        i += 1; // escaped quote inside a literal
        continue;
      }
      inLiteral = !inLiteral;
      outside += " ";
      continue;
    }
    if (!inLiteral) outside += char;
  }
  return inLiteral ? null : outside;
}

export function validateFilter(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === "") return null;
  if (raw.length > QUERY_LIMITS.filter)
    throw invalid("filter", `is too long (at most ${QUERY_LIMITS.filter} characters)`);
  if (CONTROL.test(raw)) throw invalid("filter", "must not contain control characters or line breaks");
  const outside = outsideLiterals(raw);
  if (outside === null)
    throw invalid("filter", "has an unbalanced quote (write '' for a quote inside text)", raw);
  if (/[&$=?#;]/.test(outside)) {
    throw invalid(
      "filter",
      "must be one OData filter expression such as Role eq 274 (no &, $, =, ?, # or ;)",
      raw,
    );
  }
  if (!FILTER_OUTSIDE_LITERALS.test(outside)) {
    throw invalid("filter", "contains characters an OData filter does not use outside quotes", raw);
  }
  let depth = 0;
  for (const char of outside) {
    depth += char === "(" ? 1 : char === ")" ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0) throw invalid("filter", "has unbalanced parentheses", raw);
  return raw.trim();
}

export function validateOrderby(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === "") return null;
  const accepts = QUERY_ACCEPTS.orderby;
  if (raw.length > QUERY_LIMITS.orderby)
    throw invalid("orderby", `is too long (at most ${QUERY_LIMITS.orderby} characters)`);
  const terms = orderTerms(raw);
  if (terms === null) throw invalid("orderby", accepts, raw);
  return terms.join(",");
}

export function validateTop(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === "") return null;
  const accepts = QUERY_ACCEPTS.top;
  if (!/^\d{1,6}$/.test(raw.trim())) throw invalid("top", accepts, raw);
  const top = Number(raw.trim());
  if (top < 1 || top > QUERY_LIMITS.top) throw invalid("top", accepts, raw);
  return top;
}

export function validateQueryOptions(query: {
  resource?: string;
  select?: string;
  filter?: string;
  orderby?: string;
  top?: string;
}): QueryOptions {
  return {
    resource: validateResource(query.resource),
    select: validateSelect(query.select),
    filter: validateFilter(query.filter),
    orderby: validateOrderby(query.orderby),
    top: validateTop(query.top),
  };
}

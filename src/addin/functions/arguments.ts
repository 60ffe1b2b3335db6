/**
 * Checks and normalises the arguments of the EOL functions before any network call. Excel passes an
 * omitted optional argument as null (or undefined when the runtime trims the call), an empty cell as
 * null or "", and a range as a 2-D array; every parser accepts exactly what docs/functions.md says and
 * throws ArgumentError otherwise.
 */
import { MAX_DIVISION_CODE, MAX_DIVISIONS_IN_LIST, QUERY_LIMITS } from "../../shared/rules/queryLimits";
import {
  FIELD_PATTERN,
  orderTerms,
  RESOURCE_PATTERN,
  selectFields,
} from "../../shared/rules/resourcePattern";
import { DEFAULT_INACTIVE_DAYS, MAX_INACTIVE_DAYS } from "../../shared/rules/accessReview";
import { MAX_ROLES, parseRoles as parseRoleList } from "../../shared/rules/roleList";
import { divisionCode, parseDivisionList, type DivisionSelection } from "../../shared/rules/divisionList";
import { parseSodRules as parseSodRuleRows, type SodRule } from "../../shared/rules/sodRules";
import { ArgumentError } from "./argumentError";
import { plainArgument } from "./dataTypeArguments";
import { excelSerialToDay, isoToExcelSerial } from "../../shared/excelDates";

/** An argument Excel may hand us: a cell value, a 2-D range or nothing. */
export type RawArgument = unknown;

/**
 * The one rule for blanks, the same on every platform. An empty cell reaches a custom function as null
 * on Excel for the web but as 0 on Windows desktop, alone or inside a range (office-js #4702, #5262),
 * and nothing tells the two apart. So 0 is read as blank everywhere: no EOL argument has a meaningful
 * 0 (division and role numbers start at 1, top at 1), and a flag takes FALSE, never 0, for "no"
 * (docs/functions.md, "Platform notes").
 */
function isMissing(value: RawArgument): boolean {
  return (
    value === null || value === undefined || value === 0 || (typeof value === "string" && value.trim() === "")
  );
}

// Every parser below starts from unwrapSingle or cellsOf, and both first turn data-type objects into
// their plain values (dataTypeArguments.ts), so no check ever sees a `{ type, basicValue }` object.

/** A single cell: a 1×1 range arrives as [[x]] when the parameter is a matrix. */
function unwrapSingle(raw: RawArgument): RawArgument {
  const value = plainArgument(raw);
  if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) {
    return value[0][0];
  }
  return value;
}

function cellsOf(raw: RawArgument): RawArgument[] {
  const value = plainArgument(raw);
  if (!Array.isArray(value)) return [value];
  return value.flatMap((row: unknown) => (Array.isArray(row) ? row : [row]));
}

/** A positive whole number from a number or a numeric text, else null. */
function positiveInteger(value: RawArgument): number | null {
  const number =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isInteger(number) && number > 0 && number <= MAX_DIVISION_CODE ? number : null;
}

function flag(value: RawArgument, name: string, fallback: boolean): boolean {
  const single = unwrapSingle(value);
  if (isMissing(single)) return fallback;
  if (typeof single === "boolean") return single;
  if (single === 1) return true; // 0 is blank (see isMissing): FALSE is the only "no"
  throw new ArgumentError(name, "TRUE or FALSE, or empty for the default");
}

/** headers: TRUE (default) adds the header row, FALSE leaves it out. */
export function parseHeaders(value: RawArgument): boolean {
  return flag(value, "headers", true);
}

/** activeOnly: TRUE (default) keeps only roles active today. */
export function parseActiveOnly(value: RawArgument): boolean {
  return flag(value, "activeOnly", true);
}

export type DivisionScope = "accessible" | "license";

export function parseScope(value: RawArgument): DivisionScope {
  const single = unwrapSingle(value);
  if (isMissing(single)) return "accessible";
  if (typeof single === "string") {
    const scope = single.trim().toLowerCase();
    if (scope === "accessible" || scope === "license") return scope;
  }
  throw new ArgumentError("scope", '"accessible" (default) or "license"');
}

/** One division code, or null for the signed-in user's current division. */
export function parseDivision(value: RawArgument): number | null {
  const single = unwrapSingle(value);
  if (isMissing(single)) return null;
  const code = typeof single === "string" || typeof single === "number" ? divisionCode(single) : null;
  if (code === null) {
    throw new ArgumentError(
      "division",
      "a division code (a whole number), or empty for your current division",
    );
  }
  return code;
}

/** What an empty divisions argument means: USERROLES the current division, ROLEHOLDERS all of them. */
export type EmptyDivisions = "current" | "all";

function divisionsAccepts(empty: EmptyDivisions): string {
  const fallback = empty === "all" ? "all your divisions" : "your current division";
  return `a division code, a range or comma list of up to ${MAX_DIVISIONS_IN_LIST} codes, "all", "current", or empty for ${fallback}`;
}

export function parseDivisions(value: RawArgument, empty: EmptyDivisions = "current"): DivisionSelection {
  const cells = cellsOf(value).filter((cell) => !isMissing(cell));
  if (cells.some((cell) => typeof cell !== "string" && typeof cell !== "number")) {
    throw new ArgumentError("divisions", divisionsAccepts(empty));
  }
  const parsed = parseDivisionList(cells as (string | number)[], "typed");
  if (!parsed.ok) throw new ArgumentError("divisions", divisionsAccepts(empty));
  return parsed.selection.length === 0 ? null : parsed.selection;
}

const TOO_MANY_ROLES = `at most ${MAX_ROLES} role numbers, in a range or comma list`;

/** Role numbers from numbers, "274, 10" texts or a range of those (the shared rule); empty cells skipped. */
function roleList(value: RawArgument, accepts: string, name: string): number[] {
  const cells = cellsOf(value).filter((cell) => !isMissing(cell));
  if (cells.some((cell) => typeof cell !== "string" && typeof cell !== "number")) {
    throw new ArgumentError(name, accepts);
  }
  const parsed = parseRoleList(cells.map(String).join(","));
  if (!parsed.ok) throw new ArgumentError(name, parsed.reason === "too_many" ? TOO_MANY_ROLES : accepts);
  return parsed.roles;
}

const ROLE_FILTER_ACCEPTS =
  "a role number such as 274, a range or comma list of role numbers, or empty for all roles";

/** An optional role filter (USERROLES' role, ROLECHANGES' roles): role numbers, or null for all roles. */
export function parseRoleFilter(value: RawArgument, name = "role"): number[] | null {
  const roles = roleList(value, ROLE_FILTER_ACCEPTS, name);
  return roles.length === 0 ? null : roles;
}

const ROLES_ACCEPTS = "a role number such as 274, or a range or comma list of role numbers (required)";

/** ROLEHOLDERS' required role(s). */
export function parseRoles(value: RawArgument): number[] {
  const roles = roleList(value, ROLES_ACCEPTS, "role");
  if (roles.length === 0) throw new ArgumentError("role", ROLES_ACCEPTS);
  return roles;
}

const SINCE_ACCEPTS = "a date: an Excel date such as DATE(2026,1,1) or a text such as 2026-01-01 (required)";

/** ROLECHANGES' `since`: an Excel date serial or a `YYYY-MM-DD` text, as the day `YYYY-MM-DD`. */
export function parseSince(value: RawArgument): string {
  const single = unwrapSingle(value);
  if (isMissing(single)) throw new ArgumentError("since", SINCE_ACCEPTS);
  if (typeof single === "number") {
    const day = excelSerialToDay(single);
    if (day !== null) return day;
  }
  if (typeof single === "string" && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(single)) {
    const day = single.trim();
    const serial = isoToExcelSerial(day);
    if (serial !== null && excelSerialToDay(serial) === day) return day;
  }
  throw new ArgumentError("since", SINCE_ACCEPTS);
}

/** ACCESSISSUES' `inactiveDays`: 1 to 3650, or null for the gateway's default (90). */
export function parseInactiveDays(value: RawArgument): number | null {
  const single = unwrapSingle(value);
  if (isMissing(single)) return null;
  const days = positiveInteger(single);
  if (days === null || days > MAX_INACTIVE_DAYS) {
    throw new ArgumentError(
      "inactiveDays",
      `a whole number of days from 1 to ${MAX_INACTIVE_DAYS}, or empty for ${DEFAULT_INACTIVE_DAYS}`,
    );
  }
  return days;
}

/** SODCONFLICTS' `rules`: a range of rows (role A, role B, name); the shared parser names a bad row. */
export function parseSodRules(value: RawArgument): SodRule[] {
  const rows = Array.isArray(value)
    ? value.map((row: unknown) => (Array.isArray(row) ? row : [row]))
    : [[value]];
  const parsed = parseSodRuleRows(rows);
  if (!parsed.ok) throw new ArgumentError("rules", parsed.message);
  return parsed.rules;
}

// QUERY arguments. The gateway checks them again, more strictly (docs/api.md); this catches the obvious
// mistakes without a network call and names the argument. Patterns and limits are the gateway's own
// (src/shared/rules).
const MAX_TOP = QUERY_LIMITS.top;

function optionalText(value: RawArgument, name: string, accepts: string): string | null {
  const single = unwrapSingle(value);
  if (isMissing(single)) return null;
  if (typeof single !== "string") throw new ArgumentError(name, accepts);
  return single.trim();
}

export function parseResource(value: RawArgument): string {
  const accepts = 'an Exact resource such as "crm/Accounts" or "salesinvoice/SalesInvoices" (required)';
  const resource = optionalText(value, "resource", accepts);
  if (resource === null || resource.length > QUERY_LIMITS.resource || !RESOURCE_PATTERN.test(resource)) {
    throw new ArgumentError("resource", accepts);
  }
  return resource;
}

/** select (required: Exact reads only named fields): a comma list, or a range of names such as a header row. */
export function parseSelect(value: RawArgument): string {
  const accepts = `the field names to read, separated by commas ("Code,Name") or in a range, at most ${QUERY_LIMITS.selectFields} (required)`;
  const cells = cellsOf(value).filter((cell) => !isMissing(cell));
  if (cells.some((cell) => typeof cell !== "string")) throw new ArgumentError("select", accepts);
  const fields = (cells as string[]).flatMap(selectFields);
  const select = fields.join(",");
  if (
    fields.length === 0 ||
    fields.length > QUERY_LIMITS.selectFields ||
    select.length > QUERY_LIMITS.select ||
    !fields.every((field) => FIELD_PATTERN.test(field))
  ) {
    throw new ArgumentError("select", accepts);
  }
  return select;
}

function hasControlOrSeparator(text: string): boolean {
  return [...text].some((char) => char.charCodeAt(0) < 0x20 || char === "&" || char === "#");
}

export function parseFilter(value: RawArgument): string | null {
  const accepts = `an OData filter such as "Status eq 'C'" of at most ${QUERY_LIMITS.filter} characters, or empty`;
  const filter = optionalText(value, "filter", accepts);
  // Control characters and & or # could smuggle other query options past the gateway's parser.
  if (filter !== null && (filter.length > QUERY_LIMITS.filter || hasControlOrSeparator(filter))) {
    throw new ArgumentError("filter", accepts);
  }
  return filter;
}

export function parseOrderBy(value: RawArgument): string | null {
  const accepts = 'field names with optional asc/desc separated by commas, such as "Name desc", or empty';
  const orderby = optionalText(value, "orderby", accepts);
  if (orderby !== null && (orderby.length > QUERY_LIMITS.orderby || orderTerms(orderby) === null)) {
    throw new ArgumentError("orderby", accepts);
  }
  return orderby;
}

export function parseTop(value: RawArgument): number | null {
  const single = unwrapSingle(value);
  if (isMissing(single)) return null;
  const top = positiveInteger(single);
  if (top === null || top > MAX_TOP) {
    throw new ArgumentError("top", `a whole number from 1 to ${MAX_TOP}, or empty for all rows`);
  }
  return top;
}

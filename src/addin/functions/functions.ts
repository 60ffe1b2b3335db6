/*
 * The EOL custom functions. custom-functions-metadata-plugin generates functions.json from the JSDoc
 * below and appends a CustomFunctions.associate call for each function at build time, so this file
 * only declares them; the work happens in eolTables.ts. It must stay importable with no DOM and no
 * Office (Excel may load it either via taskpane.html or functions.js). Help links are not written
 * here: the build and the gateway add them for the URL the add-in is served from (manifestUrls.ts).
 *
 * Parameters are `unknown` (functions.json type "any"; `unknown[][]` is a range): Excel hands over
 * whatever the cell holds, and we check it ourselves so a bad argument gets a #VALUE! that names the
 * argument and what it accepts, instead of Excel's silent coercion. None of these is volatile:
 * Excel recalculates them when their arguments change, and "Refresh all" re-runs them.
 */
import "../office/customFunctions";
import packageJson from "../../../package.json";
import * as tables from "./eolTables";

/**
 * The version of the EOL for Excel add-in.
 * @customfunction VERSION
 * @returns The add-in version, for example "0.1.0".
 */
export function version(): string {
  return packageJson.version;
}

/**
 * The Exact Online divisions (administrations) you can use, as a table that spills.
 * @customfunction DIVISIONS
 * @param [headers] TRUE (default) to start with a header row, FALSE to leave it out.
 * @param [scope] "accessible" (default) for the divisions you may open, or "license" for every division of the license.
 * @returns One row per division: Division, Name, HID, Country, Currency, Status, and more.
 */
export function divisions(headers?: unknown, scope?: unknown): Promise<unknown[][]> {
  return tables.divisions(headers, scope);
}

/**
 * The users of an Exact Online division.
 * @customfunction USERS
 * @param [division] Division code; empty for your current division.
 * @param [headers] TRUE (default) to start with a header row, FALSE to leave it out.
 * @returns One row per user.
 */
export function users(division?: unknown, headers?: unknown): Promise<unknown[][]> {
  return tables.users(division, headers);
}

/**
 * The roles of the users in one or more divisions.
 * @customfunction USERROLES
 * @param [divisions] A division code, a range or comma list of codes, "all" or "current"; empty for your current division.
 * @param [role] Only these roles: a role number such as 274, or a range or comma list of role numbers; empty for all roles.
 * @param [activeOnly] TRUE (default) for roles active today only, FALSE to include ended and future roles.
 * @param [headers] TRUE (default) to start with a header row, FALSE to leave it out.
 * @returns One row per user role per division.
 */
export function userRoles(
  divisions?: unknown[][],
  role?: unknown[][],
  activeOnly?: unknown,
  headers?: unknown,
): Promise<unknown[][]> {
  return tables.userRoles(divisions, role, activeOnly, headers);
}

/**
 * Who holds a role today in all your divisions (or those given), with the divisions where they hold it. =EOL.ROLEHOLDERS(274) answers "who may manage subscriptions".
 * @customfunction ROLEHOLDERS
 * @param role A role number such as 274, or a range or comma list of role numbers.
 * @param [divisions] A division code, a range or comma list of codes, "all" or "current"; empty for all your divisions.
 * @param [headers] TRUE (default) to start with a header row, FALSE to leave it out.
 * @returns One row per user holding the role(s).
 */
export function roleHolders(
  role: unknown[][],
  divisions?: unknown[][],
  headers?: unknown,
): Promise<unknown[][]> {
  return tables.roleHolders(role, divisions, headers);
}

/**
 * The role catalogue as seen in the data: each role number with Exact's description, role level, and how many users and divisions hold it today.
 * @customfunction ROLES
 * @param [divisions] A division code, a range or comma list of codes, or "all"; empty for all divisions you can access.
 * @param [headers] TRUE (default) to start with a header row, FALSE to leave it out.
 * @returns One row per role number.
 */
export function roles(divisions?: unknown[][], headers?: unknown): Promise<unknown[][]> {
  return tables.roles(divisions, headers);
}

/**
 * Roles granted, ended, or ending within 30 days, on or after a date; newest first, with who made the change.
 * @customfunction ROLECHANGES
 * @param since The first day to look at: a date such as DATE(2026,1,1), or a text such as "2026-01-01".
 * @param [divisions] A division code, a range or comma list of codes, or "all"; empty for all divisions you can access.
 * @param [roles] Only these roles: a role number such as 274, or a range or comma list of role numbers; empty for all roles.
 * @param [headers] TRUE (default) to start with a header row, FALSE to leave it out.
 * @returns One row per change: Change, Date, Division, user, role, Changed by, Start date, End date.
 */
export function roleChanges(
  since: unknown,
  divisions?: unknown[][],
  roles?: unknown[][],
  headers?: unknown,
): Promise<unknown[][]> {
  return tables.roleChanges(since, divisions, roles, headers);
}

/**
 * Users to act on: login ended but roles still active, or active roles and no login for a number of days (or never).
 * @customfunction ACCESSISSUES
 * @param [divisions] A division code, a range or comma list of codes, or "all"; empty for all divisions you can access.
 * @param [inactiveDays] Days without a login that count as inactive: 1 to 3650; empty for 90.
 * @param [headers] TRUE (default) to start with a header row, FALSE to leave it out.
 * @returns One row per user: Finding, user, Last login, Login end date, Roles, Divisions.
 */
export function accessIssues(
  divisions?: unknown[][],
  inactiveDays?: unknown,
  headers?: unknown,
): Promise<unknown[][]> {
  return tables.accessIssues(divisions, inactiveDays, headers);
}

// Formerly EOL.ME, which is gone: Excel's naming rules ask for at least three characters
// (docs: custom-functions-naming), so the function was renamed rather than aliased.
/**
 * The signed-in Exact Online user, country and current division.
 * @customfunction WHOAMI
 * @param [headers] TRUE (default) to start with a header row, FALSE to leave it out.
 * @returns One row about you.
 */
export function whoAmI(headers?: unknown): Promise<unknown[][]> {
  return tables.me(headers);
}

/**
 * Any read-only Exact Online resource of a division, as a table.
 * @customfunction QUERY
 * @param resource The resource, for example "crm/Accounts" or "salesinvoice/SalesInvoices".
 * @param select The fields to read: names separated by commas such as "Code,Name", or a range of names.
 * @param [filter] An OData filter, for example "Status eq 'C'"; empty for all rows.
 * @param [division] Division code; empty for your current division.
 * @param [orderby] Sort order, for example "Name desc"; empty for Exact's order.
 * @param [top] At most this many rows; empty for all rows.
 * @param [headers] TRUE (default) to start with a header row, FALSE to leave it out.
 * @returns One row per record.
 */
export function query(
  resource: unknown,
  select: unknown[][],
  filter?: unknown,
  division?: unknown,
  orderby?: unknown,
  top?: unknown,
  headers?: unknown,
): Promise<unknown[][]> {
  return tables.query({ resource, select, filter, division, orderby, top, headers });
}

/*
 * The EOL custom functions. custom-functions-metadata-plugin generates the metadata's structure (ids,
 * parameters, types) from the declarations below and appends a CustomFunctions.associate call for each
 * function at build time, so this file only declares them; the work happens in eolTables.ts. Every text
 * Excel shows about them (names, descriptions, parameter help, in English and Dutch) and their help links
 * come from the function catalogue (src/shared/functions/catalogue.ts); the build fails when the two
 * disagree. It must stay importable with no DOM and no Office (Excel may load it either via
 * taskpane.html or functions.js).
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
 * @customfunction VERSION
 */
export function version(): string {
  return packageJson.version;
}

/**
 * @customfunction DIVISIONS
 */
export function divisions(headers?: unknown, scope?: unknown): Promise<unknown[][]> {
  return tables.divisions(headers, scope);
}

/**
 * @customfunction USERS
 */
export function users(division?: unknown, headers?: unknown): Promise<unknown[][]> {
  return tables.users(division, headers);
}

/**
 * @customfunction USERROLES
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
 * @customfunction ROLEHOLDERS
 */
export function roleHolders(
  role: unknown[][],
  divisions?: unknown[][],
  headers?: unknown,
): Promise<unknown[][]> {
  return tables.roleHolders(role, divisions, headers);
}

/**
 * @customfunction ROLES
 */
export function roles(divisions?: unknown[][], headers?: unknown): Promise<unknown[][]> {
  return tables.roles(divisions, headers);
}

/**
 * @customfunction ROLECHANGES
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
 * @customfunction ACCESSISSUES
 */
export function accessIssues(
  divisions?: unknown[][],
  inactiveDays?: unknown,
  headers?: unknown,
): Promise<unknown[][]> {
  return tables.accessIssues(divisions, inactiveDays, headers);
}

/**
 * @customfunction SODCONFLICTS
 */
export function sodConflicts(
  rules: unknown[][],
  divisions?: unknown[][],
  headers?: unknown,
): Promise<unknown[][]> {
  return tables.sodConflicts(rules, divisions, headers);
}

// Formerly EOL.ME, which is gone: Excel's naming rules ask for at least three characters
// (docs: custom-functions-naming), so the function was renamed rather than aliased.
/**
 * @customfunction WHOAMI
 */
export function whoAmI(headers?: unknown): Promise<unknown[][]> {
  return tables.me(headers);
}

/**
 * @customfunction QUERY
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

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
 *
 * The table functions are cancelable: Excel passes an invocation last (typed in the JSDoc, which is
 * where the metadata generator looks) and calls its onCanceled when the cell no longer needs the answer
 * (formula edited or deleted); the request to the gateway is then aborted (data/tableSource.ts).
 */
import "../office/customFunctions";
import type { CancelableInvocation } from "../office/customFunctions";
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
 * @cancelable
 * @param {CustomFunctions.CancelableInvocation} invocation
 */
export function divisions(
  headers?: unknown,
  scope?: unknown,
  invocation?: CancelableInvocation,
): Promise<unknown[][]> {
  return tables.divisions(headers, scope, invocation);
}

/**
 * @customfunction USERS
 * @cancelable
 * @param {CustomFunctions.CancelableInvocation} invocation
 */
export function users(
  division?: unknown,
  headers?: unknown,
  invocation?: CancelableInvocation,
): Promise<unknown[][]> {
  return tables.users(division, headers, invocation);
}

/**
 * @customfunction USERROLES
 * @cancelable
 * @param {CustomFunctions.CancelableInvocation} invocation
 */
export function userRoles(
  divisions?: unknown[][],
  role?: unknown[][],
  activeOnly?: unknown,
  headers?: unknown,
  invocation?: CancelableInvocation,
): Promise<unknown[][]> {
  return tables.userRoles(divisions, role, activeOnly, headers, invocation);
}

/**
 * @customfunction ROLEHOLDERS
 * @cancelable
 * @param {CustomFunctions.CancelableInvocation} invocation
 */
export function roleHolders(
  role: unknown[][],
  divisions?: unknown[][],
  headers?: unknown,
  invocation?: CancelableInvocation,
): Promise<unknown[][]> {
  return tables.roleHolders(role, divisions, headers, invocation);
}

/**
 * @customfunction ROLES
 * @cancelable
 * @param {CustomFunctions.CancelableInvocation} invocation
 */
export function roles(
  divisions?: unknown[][],
  headers?: unknown,
  invocation?: CancelableInvocation,
): Promise<unknown[][]> {
  return tables.roles(divisions, headers, invocation);
}

/**
 * @customfunction ROLECHANGES
 * @cancelable
 * @param {CustomFunctions.CancelableInvocation} invocation
 */
export function roleChanges(
  since: unknown,
  divisions?: unknown[][],
  roles?: unknown[][],
  headers?: unknown,
  invocation?: CancelableInvocation,
): Promise<unknown[][]> {
  return tables.roleChanges(since, divisions, roles, headers, invocation);
}

/**
 * @customfunction ACCESSISSUES
 * @cancelable
 * @param {CustomFunctions.CancelableInvocation} invocation
 */
export function accessIssues(
  divisions?: unknown[][],
  inactiveDays?: unknown,
  headers?: unknown,
  invocation?: CancelableInvocation,
): Promise<unknown[][]> {
  return tables.accessIssues(divisions, inactiveDays, headers, invocation);
}

/**
 * @customfunction REVIEWS
 * @cancelable
 * @param {CustomFunctions.CancelableInvocation} invocation
 */
export function reviews(headers?: unknown, invocation?: CancelableInvocation): Promise<unknown[][]> {
  return tables.reviews(headers, invocation);
}

/**
 * @customfunction SODCONFLICTS
 * @cancelable
 * @param {CustomFunctions.CancelableInvocation} invocation
 */
export function sodConflicts(
  rules: unknown[][],
  divisions?: unknown[][],
  headers?: unknown,
  invocation?: CancelableInvocation,
): Promise<unknown[][]> {
  return tables.sodConflicts(rules, divisions, headers, invocation);
}

// Formerly EOL.ME, which is gone: Excel's naming rules ask for at least three characters
// (docs: custom-functions-naming), so the function was renamed rather than aliased.
/**
 * @customfunction WHOAMI
 * @cancelable
 * @param {CustomFunctions.CancelableInvocation} invocation
 */
export function whoAmI(headers?: unknown, invocation?: CancelableInvocation): Promise<unknown[][]> {
  return tables.me(headers, invocation);
}

/**
 * @customfunction QUERY
 * @cancelable
 * @param {CustomFunctions.CancelableInvocation} invocation
 */
export function query(
  resource: unknown,
  select: unknown[][],
  filter?: unknown,
  division?: unknown,
  orderby?: unknown,
  top?: unknown,
  headers?: unknown,
  invocation?: CancelableInvocation,
): Promise<unknown[][]> {
  return tables.query({ resource, select, filter, division, orderby, top, headers }, invocation);
}

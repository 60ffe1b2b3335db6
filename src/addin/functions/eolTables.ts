/**
 * What each EOL function does, apart from its Excel declaration in functions.ts: check the arguments
 * (before any network call), fetch the table (coalesced), shape it for spilling, and turn any failure
 * into the cell error the user should see. A table is either complete or an error, never partial.
 */
import type { TableResponse } from "../../shared/api";
import { columnIndex, ME_COUNTRY_COLUMN } from "../../shared/rules/tableColumns";
import { divisionsParam } from "../../shared/rules/divisionList";
import { sodRulesParam } from "../../shared/rules/sodRules";
import type { QueryParams, TableRoute } from "../data/gatewayClient";
import { dataServices } from "../data/services";
import {
  parseActiveOnly,
  parseDivision,
  parseDivisions,
  parseFilter,
  parseHeaders,
  parseInactiveDays,
  parseOrderBy,
  parseResource,
  parseRoleFilter,
  parseRoles,
  parseScope,
  parseSelect,
  parseSince,
  parseSodRules,
  parseTop,
  type RawArgument,
} from "./arguments";
import { cancelSignalOf, type CancelableInvocation } from "../office/customFunctions";
import { toCellError } from "./cellErrors";
import { supportsFormattedDates, toSpill, type SpillCell } from "./spill";

interface TableRequest {
  route: TableRoute;
  params: QueryParams;
  headers: boolean;
}

/** The table for one cell; Excel's invocation (where it gives one) cancels the fetch with the cell. */
async function spill(
  invocation: CancelableInvocation | undefined,
  build: () => TableRequest,
  complete: (table: TableResponse) => Promise<TableResponse> = async (table) => table,
): Promise<SpillCell[][]> {
  try {
    const request = build(); // throws ArgumentError before anything is sent
    const signal = cancelSignalOf(invocation);
    const table = await complete(await dataServices().tables.get(request.route, request.params, { signal }));
    return toSpill(table, { headers: request.headers, formattedDates: supportsFormattedDates() });
  } catch (error) {
    throw toCellError(error);
  }
}

export function divisions(
  headers: RawArgument,
  scope: RawArgument,
  invocation?: CancelableInvocation,
): Promise<SpillCell[][]> {
  return spill(invocation, () => ({
    route: "divisions",
    headers: parseHeaders(headers),
    params: { scope: parseScope(scope) },
  }));
}

export function users(
  division: RawArgument,
  headers: RawArgument,
  invocation?: CancelableInvocation,
): Promise<SpillCell[][]> {
  return spill(invocation, () => ({
    route: "users",
    params: { division: parseDivision(division) },
    headers: parseHeaders(headers),
  }));
}

export function userRoles(
  divisionList: RawArgument,
  role: RawArgument,
  activeOnly: RawArgument,
  headers: RawArgument,
  invocation?: CancelableInvocation,
): Promise<SpillCell[][]> {
  return spill(invocation, () => ({
    route: "user-roles",
    params: {
      divisions: divisionsParam(parseDivisions(divisionList)),
      role: parseRoleFilter(role)?.join(","),
      activeOnly: parseActiveOnly(activeOnly),
    },
    headers: parseHeaders(headers),
  }));
}

export function roleHolders(
  role: RawArgument,
  divisionList: RawArgument,
  headers: RawArgument,
  invocation?: CancelableInvocation,
): Promise<SpillCell[][]> {
  return spill(invocation, () => ({
    route: "role-holders",
    params: {
      roles: parseRoles(role).join(","),
      divisions: divisionsParam(parseDivisions(divisionList, "all")),
    },
    headers: parseHeaders(headers),
  }));
}

// The access review's functions: empty divisions mean every accessible division (the gateway's default).

export function roles(
  divisionList: RawArgument,
  headers: RawArgument,
  invocation?: CancelableInvocation,
): Promise<SpillCell[][]> {
  return spill(invocation, () => ({
    route: "roles",
    params: { divisions: divisionsParam(parseDivisions(divisionList, "all")) },
    headers: parseHeaders(headers),
  }));
}

export function roleChanges(
  since: RawArgument,
  divisionList: RawArgument,
  roleFilter: RawArgument,
  headers: RawArgument,
  invocation?: CancelableInvocation,
): Promise<SpillCell[][]> {
  return spill(invocation, () => ({
    route: "role-changes",
    params: {
      since: parseSince(since),
      divisions: divisionsParam(parseDivisions(divisionList, "all")),
      roles: parseRoleFilter(roleFilter, "roles")?.join(","),
    },
    headers: parseHeaders(headers),
  }));
}

export function accessIssues(
  divisionList: RawArgument,
  inactiveDays: RawArgument,
  headers: RawArgument,
  invocation?: CancelableInvocation,
): Promise<SpillCell[][]> {
  return spill(invocation, () => ({
    route: "access-issues",
    params: {
      divisions: divisionsParam(parseDivisions(divisionList, "all")),
      inactiveDays: parseInactiveDays(inactiveDays),
    },
    headers: parseHeaders(headers),
  }));
}

/** The licence's signed-off reviews (GET /api/v1/review-log). */
export function reviews(headers: RawArgument, invocation?: CancelableInvocation): Promise<SpillCell[][]> {
  return spill(invocation, () => ({ route: "review-log", params: {}, headers: parseHeaders(headers) }));
}

/** Users holding both roles of a separation rule today (GET /api/v1/sod-conflicts). */
export function sodConflicts(
  rules: RawArgument,
  divisionList: RawArgument,
  headers: RawArgument,
  invocation?: CancelableInvocation,
): Promise<SpillCell[][]> {
  return spill(invocation, () => ({
    route: "sod-conflicts",
    params: {
      rules: sodRulesParam(parseSodRules(rules)),
      divisions: divisionsParam(parseDivisions(divisionList, "all")),
    },
    headers: parseHeaders(headers),
  }));
}

/** The gateway's `me` table has no country (it is the session's): add it, unless it is there already. */
export function withCountry(table: TableResponse, country: string): TableResponse {
  if (columnIndex(table.columns, ME_COUNTRY_COLUMN) >= 0) return table;
  return {
    ...table,
    columns: [...table.columns, ME_COUNTRY_COLUMN],
    rows: table.rows.map((row) => [...row, country]),
  };
}

export function me(headers: RawArgument, invocation?: CancelableInvocation): Promise<SpillCell[][]> {
  return spill(
    invocation,
    () => ({ route: "me", params: {}, headers: parseHeaders(headers) }),
    async (table) => withCountry(table, (await dataServices().tables.session()).country),
  );
}

export interface QueryArguments {
  resource: RawArgument;
  select: RawArgument;
  filter: RawArgument;
  division: RawArgument;
  orderby: RawArgument;
  top: RawArgument;
  headers: RawArgument;
}

export function query(args: QueryArguments, invocation?: CancelableInvocation): Promise<SpillCell[][]> {
  return spill(invocation, () => ({
    route: "query",
    params: {
      resource: parseResource(args.resource),
      select: parseSelect(args.select),
      filter: parseFilter(args.filter),
      division: parseDivision(args.division),
      orderby: parseOrderBy(args.orderby),
      top: parseTop(args.top),
    },
    headers: parseHeaders(args.headers),
  }));
}

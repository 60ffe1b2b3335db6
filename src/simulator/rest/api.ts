/**
 * /api/v1/…: Bearer authentication, division access, rate limits, OData query options and paging.
 * Order of checks: resource exists → token (401) → error block → rate limit (429) → division access (403)
 * → query options (400) → rows.
 */
import { createHash } from "node:crypto";
import { indexOf } from "../data/lookup";
import type { SimUser } from "../data/types";
import { ODataError, syntaxError } from "../odata/errors";
import { runQuery, filterRows } from "../odata/execute";
import { comparisons } from "../odata/filter";
import { atomFeed, jsonCollection, jsonError, keyLiteral, toJsonRecord, xmlError } from "../odata/format";
import { parseQueryOptions } from "../odata/options";
import type { Row } from "../odata/schema";
import type { AccessGrant } from "../oauth/tokens";
import type { SimResponse, SimulatorState } from "../state";
import { RESOURCE_BY_ENDPOINT, type Resource } from "./resources";

export interface ApiCall {
  response: SimResponse;
  endpoint: string | null;
  division: number | null;
  clientId: string | null;
  userId: string | null;
}

/** Exact's text when an endpoint needs $select or $top=1 (reference §4, §7.1). */
export const SELECT_REQUIRED_TEXT = "Please add a $select or a $top=1 statement to the query string.";

/** Rows per (data set, endpoint, user, division, grant): bounded, shared by chains with the same grant. */
const ROW_CACHE_SIZE = 64;
const rowCache = new Map<string, Row[]>();
const grantSignatures = new WeakMap<readonly number[], string>();

function grantSignature(divisions: readonly number[]): string {
  let signature = grantSignatures.get(divisions);
  if (!signature) {
    signature = createHash("sha1").update(divisions.join(",")).digest("base64url");
    grantSignatures.set(divisions, signature);
  }
  return signature;
}

function wantsJson(accept: string | undefined, params: URLSearchParams): boolean {
  if (params.get("$format") === "json") return true;
  if (params.get("$format") === "atom" || params.get("$format") === "xml") return false;
  return (accept ?? "").toLowerCase().includes("application/json");
}

export function errorResponse(
  status: number,
  message: string,
  json: boolean,
  headers: Record<string, string> = {},
): SimResponse {
  return {
    status,
    headers: {
      "Content-Type": json ? "application/json; charset=utf-8" : "application/xml; charset=utf-8",
      ...headers,
    },
    body: json ? jsonError(message) : xmlError(message),
  };
}

/** Bearer token → grant, or null. */
export function authenticate(state: SimulatorState, authorization: string | undefined): AccessGrant | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  return match ? state.tokens.authenticate(match[1]) : null;
}

export function budgetKey(
  state: SimulatorState,
  clientId: string,
  division: number | null,
  user: SimUser,
): string {
  if (division !== null) return `${clientId}|${division}`;
  return state.noDivisionBudget === "current-division"
    ? `${clientId}|${user.currentDivision}`
    : `${clientId}|none`;
}

/** Forgets every cached row list: after a test changed the data set (RunningSimulator.changeData). */
export function forgetCachedRows(): void {
  rowCache.clear();
}

function cachedRows(
  resource: Resource,
  grant: AccessGrant,
  user: SimUser,
  division: number | null,
  state: SimulatorState,
): Row[] {
  const context = {
    dataset: state.dataset,
    user,
    granted: new Set(grant.divisions),
    division,
    now: state.clock.now(),
  };
  if (resource.endpoint === "current/Me") return resource.rows(context);
  const key = [
    state.dataset.name,
    state.dataset.seed,
    resource.endpoint,
    user.userId,
    resource.dependsOnDivision ? division : "",
    grantSignature(grant.divisions),
  ].join("|");
  let rows = rowCache.get(key);
  if (rows) {
    rowCache.delete(key); // re-insert: most recently used last
  } else {
    rows = resource.rows(context);
    if (rowCache.size >= ROW_CACHE_SIZE) rowCache.delete(rowCache.keys().next().value!);
  }
  rowCache.set(key, rows);
  return rows;
}

function nextLink(state: SimulatorState, path: string, params: URLSearchParams, skipToken: string): string {
  const parts: string[] = [];
  for (const [name, value] of params)
    if (name !== "$skiptoken") parts.push(`${name}=${encodeURIComponent(value)}`);
  parts.push(`$skiptoken=${skipToken}`);
  return `${state.url}${path}?${parts.join("&")}`;
}

export interface ApiRequest {
  path: string;
  params: URLSearchParams;
  accept: string | undefined;
  authorization: string | undefined;
}

export function handleApi(state: SimulatorState, request: ApiRequest): ApiCall {
  const { path, params } = request;
  const json = wantsJson(request.accept, params);
  const segments = path.slice("/api/v1/".length).split("/");
  const division = /^\d{1,10}$/.test(segments[0]) ? Number(segments.shift()) : null;
  const count = segments[segments.length - 1] === "$count";
  if (count) segments.pop();
  const endpoint = segments.join("/");
  const resource = RESOURCE_BY_ENDPOINT.get(endpoint);
  const call = { endpoint: resource ? endpoint : null, division, clientId: null, userId: null };
  if (!resource || (resource.scope === "division" && division === null)) {
    return {
      ...call,
      response: errorResponse(404, `Resource not found for the segment '${endpoint}'.`, json),
    };
  }
  if (resource.scope === "none" && division !== null) {
    // system/Users with a division → 501 (EXDOC-SU); current/Me has no such route at all.
    const status = endpoint === "system/Users" ? 501 : 404;
    const text = status === 501 ? "Not Implemented" : `Resource not found for the segment '${division}'.`;
    return { ...call, response: errorResponse(status, text, json) };
  }
  const grant = authenticate(state, request.authorization);
  if (!grant) return { ...call, response: errorResponse(401, "Unauthorized", json) };
  const user = indexOf(state.dataset).user.get(grant.userId)!;
  const identified = { ...call, clientId: grant.clientId, userId: grant.userId };
  const blockKey = `${grant.clientId}|${grant.userId}|${division}|${endpoint}`;
  if (state.errorBlocker?.isBlocked(blockKey)) {
    const text = "Too many errors: this app is blocked for this company and endpoint for one hour.";
    return { ...identified, response: errorResponse(429, text, json) };
  }
  const decision = state.limiter.take(budgetKey(state, grant.clientId, division, user));
  if (!decision.allowed)
    return { ...identified, response: { status: 429, headers: decision.headers, body: "" } };
  const response = answer(state, request, resource, grant, user, division, count, json);
  response.headers = { ...decision.headers, ...response.headers };
  state.errorBlocker?.record(blockKey, response.status);
  return { ...identified, response };
}

function answer(
  state: SimulatorState,
  request: ApiRequest,
  resource: Resource,
  grant: AccessGrant,
  user: SimUser,
  division: number | null,
  count: boolean,
  json: boolean,
): SimResponse {
  if (division !== null && (resource.divisionValidated || state.strictDivisionsUrl)) {
    if (!grant.divisions.includes(division)) {
      return errorResponse(403, "Forbidden", json, { Reason: "NoDivisionAccess" });
    }
    if ((indexOf(state.dataset).division.get(division)?.blockingStatus ?? 0) !== 0) {
      return errorResponse(403, "Forbidden", json, { Reason: "DivisionBlocked" });
    }
  }
  try {
    const options = parseQueryOptions(request.params, resource.entity, { navigations: resource.navigations });
    const needsSelect =
      resource.endpoint.startsWith("bulk/") ||
      resource.selectRequired === true ||
      state.selectRequired.has(resource.endpoint);
    if (needsSelect && options.select === null && options.top !== 1)
      throw new ODataError(400, SELECT_REQUIRED_TEXT);
    if (options.filter && comparisons(options.filter) > state.maxFilterComparisons) throw syntaxError();
    const rows = cachedRows(resource, grant, user, division, state);
    if (count) {
      return {
        status: 200,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
        body: String(filterRows(rows, options).length),
      };
    }
    const page = runQuery(rows, resource.entity, options, resource.pageSize);
    const next =
      page.nextKey === null
        ? null
        : nextLink(state, request.path, request.params, keyLiteral(resource.entity, page.nextKey));
    const shape = {
      entity: resource.entity,
      collectionUrl: `${state.url}${request.path}`,
      select: options.select,
      navigations: resource.navigations,
    };
    const body = json
      ? jsonCollection(
          page.rows.map((row) => toJsonRecord(row, shape)),
          options.inlineCount ? page.total : null,
          next,
        )
      : atomFeed(page.rows, shape, state.clock.now(), next);
    const type = json ? "application/json; charset=utf-8" : "application/atom+xml;type=feed;charset=utf-8";
    return { status: 200, headers: { "Content-Type": type }, body };
  } catch (error) {
    if (error instanceof ODataError) {
      return errorResponse(error.status, error.message, json, error.reason ? { Reason: error.reason } : {});
    }
    throw error;
  }
}

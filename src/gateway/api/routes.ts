/**
 * The /api/v1 data routes. Each one parses its parameters strictly, fetches through the DataService
 * (cache → scheduler → Exact) and answers a TableResponse ready to spill into Excel.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import type { StatusResponse, TableResponse } from "../../shared/api";
import type { SessionContext } from "../contracts";
import { GatewayError } from "../errors";
import type { RateScheduler } from "../scheduler/scheduler";
import {
  parseBoolean,
  parseDivisions,
  parseRoles,
  parseScope,
  rejectUnknownParameters,
  singleValue,
  eitherValue,
  wantsFresh,
} from "./arguments";
import { combine, type DataService, type Fetched } from "./dataService";
import { validateQueryOptions } from "./queryValidation";
import { roleHolderRows, userRoleRows } from "./roleJoins";
import {
  DIVISION_COLUMNS,
  ME_COLUMNS,
  USER_COLUMNS,
  USER_ROLE_COLUMNS,
  ROLE_HOLDER_COLUMNS,
  inferColumns,
  shapeRows,
  type DivisionRecord,
} from "./tables";

export interface RouteDeps {
  service: DataService;
  scheduler: RateScheduler;
  requireSession: preHandlerAsyncHookHandler;
}

type Query = Record<string, unknown>;

function sessionOf(request: FastifyRequest): SessionContext {
  if (!request.eolSession)
    throw new GatewayError(401, "not_signed_in", "Sign in to Exact Online (EOL task pane).");
  return request.eolSession;
}

function table(
  shaped: Pick<TableResponse, "columns" | "rows">,
  parts: Fetched<unknown>[],
  now: number,
  divisions: number[],
  divisionSource: TableResponse["divisionSource"],
): TableResponse {
  const { asOf, cached } = combine(parts, now);
  return { ...shaped, asOf: new Date(asOf).toISOString(), divisions, divisionSource, cached };
}

export function registerDataRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { service, scheduler } = deps;
  const guarded = { preHandler: deps.requireSession };
  const request = (req: FastifyRequest) => ({
    session: sessionOf(req),
    query: (req.query ?? {}) as Query,
    fresh: wantsFresh(req.headers["cache-control"]),
  });

  app.get("/api/v1/me", guarded, async (req) => {
    const { session, query, fresh } = request(req);
    rejectUnknownParameters(query, []);
    const me = await service.me(session, fresh);
    return table(shapeRows(ME_COLUMNS, [me.value]), [me], service.now(), [], "none");
  });

  app.get("/api/v1/divisions", guarded, async (req) => {
    const { session, query, fresh } = request(req);
    rejectUnknownParameters(query, ["scope"]);
    const scope = parseScope(singleValue(query, "scope"));
    const list = await service.divisions(session, scope, fresh);
    const codes = list.value
      .map((row) => row.Code)
      .filter((code): code is number => typeof code === "number");
    return table(shapeRows(DIVISION_COLUMNS, list.value), [list], service.now(), codes, "all");
  });

  app.get("/api/v1/users", guarded, async (req) => {
    const { session, query, fresh } = request(req);
    rejectUnknownParameters(query, ["division", "divisions"]);
    const raw = eitherValue(query, "division", "divisions");
    const resolved = await service.resolveDivisions(session, parseDivisions(raw, "division"), fresh);
    const perDivision = await service.fanOut(resolved.divisions, (division) =>
      service.users(session, division, fresh),
    );
    const rows: DivisionRecord[] = perDivision.flatMap((result, index) =>
      result.value.map((user) => ({ ...user, __division: resolved.divisions[index] as number })),
    );
    const parts = resolved.basis ? [resolved.basis, ...perDivision] : perDivision;
    return table(shapeRows(USER_COLUMNS, rows), parts, service.now(), resolved.divisions, resolved.source);
  });

  app.get("/api/v1/user-roles", guarded, async (req) => {
    const { session, query, fresh } = request(req);
    rejectUnknownParameters(query, ["divisions", "division", "role", "roles", "activeOnly"]);
    const selector = parseDivisions(eitherValue(query, "divisions", "division"), "divisions");
    const roles = parseRoles(eitherValue(query, "role", "roles"), "role", false);
    const activeOnly = parseBoolean(singleValue(query, "activeOnly"), "activeOnly", false);
    const resolved = await service.resolveDivisions(session, selector, fresh);
    const joined = await userRoleRows(service, session, resolved.divisions, roles, fresh);
    const rows = activeOnly ? joined.rows.filter((row) => row.activeToday) : joined.rows;
    const parts = resolved.basis ? [resolved.basis, ...joined.parts] : joined.parts;
    return table(
      shapeRows(USER_ROLE_COLUMNS, rows),
      parts,
      service.now(),
      resolved.divisions,
      resolved.source,
    );
  });

  app.get("/api/v1/role-holders", guarded, async (req) => {
    const { session, query, fresh } = request(req);
    rejectUnknownParameters(query, ["roles", "role", "divisions", "division"]);
    const roles = parseRoles(eitherValue(query, "roles", "role"), "roles", true) as number[];
    const selector = parseDivisions(eitherValue(query, "divisions", "division"), "divisions");
    const resolved = await service.resolveDivisions(session, selector, fresh);
    const joined = await userRoleRows(service, session, resolved.divisions, roles, fresh);
    const holders = roleHolderRows(joined.rows.filter((row) => row.activeToday));
    const parts = resolved.basis ? [resolved.basis, ...joined.parts] : joined.parts;
    return table(
      shapeRows(ROLE_HOLDER_COLUMNS, holders),
      parts,
      service.now(),
      resolved.divisions,
      resolved.source,
    );
  });

  app.get("/api/v1/query", guarded, async (req) => {
    const { session, query, fresh } = request(req);
    rejectUnknownParameters(query, [
      "resource",
      "select",
      "filter",
      "orderby",
      "top",
      "division",
      "divisions",
    ]);
    const options = validateQueryOptions({
      resource: singleValue(query, "resource"),
      select: singleValue(query, "select"),
      filter: singleValue(query, "filter"),
      orderby: singleValue(query, "orderby"),
      top: singleValue(query, "top"),
    });
    const selector = parseDivisions(eitherValue(query, "division", "divisions"), "division");
    const resolved = await service.resolveDivisions(session, selector, fresh);
    const odata = {
      $select: options.select.join(","),
      $filter: options.filter ?? undefined,
      $orderby: options.orderby ?? undefined,
      $top: options.top === null ? undefined : String(options.top),
    };
    const perDivision = await service.fanOut(resolved.divisions, (division) =>
      service.fetch(session, division, options.resource, odata, fresh),
    );
    const records = perDivision.flatMap((result) => result.value);
    const specs = inferColumns(options.select, records);
    const withDivision = resolved.divisions.length > 1 && !options.select.includes("Division");
    const rows: DivisionRecord[] = perDivision.flatMap((result, index) =>
      result.value.map((record) => ({ ...record, __division: resolved.divisions[index] as number })),
    );
    const columns = withDivision
      ? [
          { name: "Division", type: "number" as const, cell: (row: DivisionRecord) => row.__division },
          ...specs,
        ]
      : specs;
    const parts = resolved.basis ? [resolved.basis, ...perDivision] : perDivision;
    return table(shapeRows(columns, rows), parts, service.now(), resolved.divisions, resolved.source);
  });

  app.get("/api/v1/status", guarded, async (req): Promise<StatusResponse> => {
    const { session, query } = request(req);
    rejectUnknownParameters(query, []);
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    // Budgets are per app and division, shared by every user of the app: show only the caller's divisions.
    const mine = await service.accessibleCodes(session);
    const budgets = scheduler
      .budgetsOf(session.clientId)
      .filter((budget) => budget.division !== null && mine.has(budget.division))
      .map((budget) => {
        budget.rollOver(service.now());
        return budget;
      })
      .map((budget) => ({
        division: budget.division as number,
        minuteLimit: budget.minuteLimit,
        minuteRemaining: budget.minuteRemaining === null ? null : Math.max(0, budget.minuteRemaining),
        minuteResetAt: iso(budget.minuteResetAt),
        dayLimit: budget.dayLimit,
        dayRemaining: budget.dayRemaining === null ? null : Math.max(0, budget.dayRemaining),
        dayResetAt: iso(budget.dayResetAt),
      }))
      .sort((a, b) => a.division - b.division);
    const stats = service.cacheStats(session);
    return {
      budgets,
      cache: { entries: stats.entries, oldestAsOf: iso(stats.oldestAsOf), newestAsOf: iso(stats.newestAsOf) },
    };
  });

  app.delete("/api/v1/cache", guarded, async (req, reply: FastifyReply) => {
    const { session, query } = request(req);
    rejectUnknownParameters(query, []);
    service.clearCache(session);
    return reply.status(204).send();
  });
}

/**
 * Role rows joined with their users, and the distinct holders of roles today. Role holders default to
 * every accessible division: "who may manage subscriptions?" is about the whole environment, not the
 * division the user last opened in Exact's web UI; user roles keep the current division as default.
 */
import type { FastifyInstance } from "fastify";
import {
  eitherValue,
  parseBoolean,
  parseDivisions,
  parseRoles,
  rejectUnknownParameters,
  singleValue,
} from "../../../data/arguments";
import { roleHolderRows, userRoleRows } from "../../../data/roleJoins";
import { ROLE_HOLDER_COLUMNS, USER_ROLE_COLUMNS, shapeRows } from "../../../data/tables";
import { caller, table } from "./answer";

export default async function roleRoutes(app: FastifyInstance): Promise<void> {
  const { data } = app.exact;

  app.get("/user-roles", async (req) => {
    const { session, query, fresh } = caller(req);
    rejectUnknownParameters(query, ["divisions", "division", "role", "roles", "activeOnly"]);
    const selector = parseDivisions(eitherValue(query, "divisions", "division"), "divisions");
    const roles = parseRoles(eitherValue(query, "role", "roles"), "role", false);
    const activeOnly = parseBoolean(singleValue(query, "activeOnly"), "activeOnly", false);
    const resolved = await data.resolveDivisions(session, selector, fresh);
    const joined = await userRoleRows(data, session, resolved.divisions, roles, fresh);
    const rows = activeOnly ? joined.rows.filter((row) => row.activeToday) : joined.rows;
    const parts = resolved.basis ? [resolved.basis, ...joined.parts] : joined.parts;
    return table(shapeRows(USER_ROLE_COLUMNS, rows), parts, data.now(), resolved.divisions, resolved.source);
  });

  app.get("/role-holders", async (req) => {
    const { session, query, fresh } = caller(req);
    rejectUnknownParameters(query, ["roles", "role", "divisions", "division"]);
    const roles = parseRoles(eitherValue(query, "roles", "role"), "roles", true) as number[];
    const selector = parseDivisions(eitherValue(query, "divisions", "division"), "divisions", "all");
    const resolved = await data.resolveDivisions(session, selector, fresh);
    const joined = await userRoleRows(data, session, resolved.divisions, roles, fresh);
    const holders = roleHolderRows(joined.rows.filter((row) => row.activeToday));
    const parts = resolved.basis ? [resolved.basis, ...joined.parts] : joined.parts;
    return table(
      shapeRows(ROLE_HOLDER_COLUMNS, holders),
      parts,
      data.now(),
      resolved.divisions,
      resolved.source,
    );
  });
}

/**
 * Role rows joined with their users, and the distinct holders of roles today. Role holders default to
 * every accessible division: "who may manage subscriptions?" is about the whole environment, not the
 * division the user last opened in Exact's web UI; user roles keep the current division as default.
 * Every default follows the function (=EOL.USERROLES): roles active today only unless activeOnly=false.
 */
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { eitherValue, parseBoolean, parseDivisions, parseRoles } from "../../../data/arguments";
import { RoleHoldersQuery, UserRolesQuery } from "../../../schemas/requests";
import { roleHolderRows, userRoleRows } from "../../../data/roleJoins";
import { ROLE_HOLDER_COLUMNS, USER_ROLE_COLUMNS, shapeRows } from "../../../data/tables";
import { answers, caller, table } from "./answer";

const roleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { data } = app.exact;

  app.get("/user-roles", { schema: answers(UserRolesQuery) }, async (req) => {
    const { session, fresh, progress, answer } = caller(req);
    const { query } = req;
    const selector = parseDivisions(eitherValue(query, "divisions", "division"), "divisions");
    const roles = parseRoles(eitherValue(query, "role", "roles"), "role", false);
    const activeOnly = parseBoolean(query.activeOnly, "activeOnly", true);
    const resolved = await data.resolveDivisions(session, selector, fresh);
    const joined = await userRoleRows(
      data,
      session,
      resolved.divisions,
      roles,
      fresh,
      progress,
      answer?.rows,
    );
    const rows = activeOnly ? joined.rows.filter((row) => row.activeToday) : joined.rows;
    const parts = resolved.basis ? [resolved.basis, ...joined.parts] : joined.parts;
    return table(shapeRows(USER_ROLE_COLUMNS, rows), parts, data.now(), resolved.divisions, resolved.source);
  });

  app.get("/role-holders", { schema: answers(RoleHoldersQuery) }, async (req) => {
    const { session, fresh, progress, answer } = caller(req);
    const { query } = req;
    const roles = parseRoles(eitherValue(query, "roles", "role"), "roles", true) as number[];
    const selector = parseDivisions(eitherValue(query, "divisions", "division"), "divisions", "all");
    const resolved = await data.resolveDivisions(session, selector, fresh);
    const joined = await userRoleRows(
      data,
      session,
      resolved.divisions,
      roles,
      fresh,
      progress,
      answer?.input,
    );
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
};

export default roleRoutes;

/** The fixed tables: the signed-in user, divisions and users per division. */
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { eitherValue, parseDivisions, parseScope } from "../../../data/arguments";
import { DivisionsQuery, NoQuery, UsersQuery } from "../../../schemas/requests";
import {
  DIVISION_COLUMNS,
  ME_COLUMNS,
  USER_COLUMNS,
  shapeCachedRows,
  shapeRows,
  type DivisionRecord,
} from "../../../data/tables";
import { answers, caller, table } from "./answer";

const tableRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { data } = app.exact;

  app.get("/me", { schema: answers(NoQuery) }, async (req) => {
    const { session, fresh } = caller(req);
    const me = await data.me(session, fresh);
    return table(shapeRows(ME_COLUMNS, [me.value]), [me], data.now(), [], "none");
  });

  app.get("/divisions", { schema: answers(DivisionsQuery) }, async (req) => {
    const { session, fresh } = caller(req);
    const { query } = req;
    const scope = parseScope(query.scope);
    const list = await data.divisions(session, scope, fresh);
    const codes = list.value
      .map((row) => row.Code)
      .filter((code): code is number => typeof code === "number");
    return table(shapeCachedRows(DIVISION_COLUMNS, list.value), [list], data.now(), codes, "all");
  });

  app.get("/users", { schema: answers(UsersQuery) }, async (req) => {
    const { session, fresh, progress, answer } = caller(req);
    const { query } = req;
    const raw = eitherValue(query, "division", "divisions");
    const resolved = await data.resolveDivisions(session, parseDivisions(raw, "division"), fresh);
    const perDivision = await data.fanOut(
      resolved.divisions,
      (division) => data.users(session, division, fresh, answer?.rows),
      progress,
    );
    const rows: DivisionRecord[] = perDivision.flatMap((result, index) =>
      result.value.map((user) => ({ ...user, __division: resolved.divisions[index] as number })),
    );
    const parts = resolved.basis ? [resolved.basis, ...perDivision] : perDivision;
    return table(shapeRows(USER_COLUMNS, rows), parts, data.now(), resolved.divisions, resolved.source);
  });
};

export default tableRoutes;

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
import { LoginTypes } from "../../../data/userLogin";
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
    // The login type is in the license-wide system/Users listing, read once alongside (and cached).
    const [perDivision, directory] = await Promise.all([
      data.fanOut(
        resolved.divisions,
        (division) => data.users(session, division, fresh, answer?.rows),
        progress,
      ),
      data.userDirectory(session, fresh, answer?.input),
    ]);
    const logins = new LoginTypes(directory?.value ?? null);
    const rows: DivisionRecord[] = perDivision.flatMap((result, index) =>
      result.value.map((user) => ({ ...logins.of(user), __division: resolved.divisions[index] as number })),
    );
    const fetched = directory ? [...perDivision, directory] : perDivision;
    const parts = resolved.basis ? [resolved.basis, ...fetched] : fetched;
    return table(shapeRows(USER_COLUMNS, rows), parts, data.now(), resolved.divisions, resolved.source);
  });
};

export default tableRoutes;

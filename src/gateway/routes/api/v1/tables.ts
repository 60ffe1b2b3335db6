/** The fixed tables: the signed-in user, divisions and users per division. */
import type { FastifyInstance } from "fastify";
import {
  eitherValue,
  parseDivisions,
  parseScope,
  rejectUnknownParameters,
  singleValue,
} from "../../../data/arguments";
import {
  DIVISION_COLUMNS,
  ME_COLUMNS,
  USER_COLUMNS,
  shapeRows,
  type DivisionRecord,
} from "../../../data/tables";
import { caller, table } from "./answer";

export default async function tableRoutes(app: FastifyInstance): Promise<void> {
  const { data } = app.exact;

  app.get("/me", async (req) => {
    const { session, query, fresh } = caller(req);
    rejectUnknownParameters(query, []);
    const me = await data.me(session, fresh);
    return table(shapeRows(ME_COLUMNS, [me.value]), [me], data.now(), [], "none");
  });

  app.get("/divisions", async (req) => {
    const { session, query, fresh } = caller(req);
    rejectUnknownParameters(query, ["scope"]);
    const scope = parseScope(singleValue(query, "scope"));
    const list = await data.divisions(session, scope, fresh);
    const codes = list.value
      .map((row) => row.Code)
      .filter((code): code is number => typeof code === "number");
    return table(shapeRows(DIVISION_COLUMNS, list.value), [list], data.now(), codes, "all");
  });

  app.get("/users", async (req) => {
    const { session, query, fresh } = caller(req);
    rejectUnknownParameters(query, ["division", "divisions"]);
    const raw = eitherValue(query, "division", "divisions");
    const resolved = await data.resolveDivisions(session, parseDivisions(raw, "division"), fresh);
    const perDivision = await data.fanOut(resolved.divisions, (division) =>
      data.users(session, division, fresh),
    );
    const rows: DivisionRecord[] = perDivision.flatMap((result, index) =>
      result.value.map((user) => ({ ...user, __division: resolved.divisions[index] as number })),
    );
    const parts = resolved.basis ? [resolved.basis, ...perDivision] : perDivision;
    return table(shapeRows(USER_COLUMNS, rows), parts, data.now(), resolved.divisions, resolved.source);
  });
}

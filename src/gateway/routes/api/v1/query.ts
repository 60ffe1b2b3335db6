/** GET /api/v1/query: any read-only Exact resource, its options checked before anything is sent. */
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { eitherValue, parseDivisions } from "../../../data/arguments";
import { QueryQuery } from "../../../schemas/requests";
import { validateQueryOptions } from "../../../data/queryValidation";
import { inferColumns, shapeRows, type DivisionRecord } from "../../../data/tables";
import { answers, caller, table } from "./answer";

const queryRoute: FastifyPluginAsyncTypebox = async (app) => {
  const { data } = app.exact;

  app.get("/query", { schema: answers(QueryQuery) }, async (req) => {
    const { session, fresh, progress, answer } = caller(req);
    const { query } = req;
    const options = validateQueryOptions(query);
    const selector = parseDivisions(eitherValue(query, "division", "divisions"), "division");
    const resolved = await data.resolveDivisions(session, selector, fresh);
    const odata = {
      $select: options.select.join(","),
      $filter: options.filter ?? undefined,
      $orderby: options.orderby ?? undefined,
      $top: options.top === null ? undefined : String(options.top),
    };
    const perDivision = await data.fanOut(
      resolved.divisions,
      (division) => data.fetch(session, division, options.resource, odata, fresh, answer?.rows, "query"),
      progress,
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
    return table(shapeRows(columns, rows), parts, data.now(), resolved.divisions, resolved.source);
  });
};

export default queryRoute;

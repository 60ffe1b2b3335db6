/** GET /api/v1/query: any read-only Exact resource, its options checked before anything is sent. */
import type { FastifyInstance } from "fastify";
import { eitherValue, parseDivisions, rejectUnknownParameters, singleValue } from "../../../data/arguments";
import { validateQueryOptions } from "../../../data/queryValidation";
import { inferColumns, shapeRows, type DivisionRecord } from "../../../data/tables";
import { caller, table } from "./answer";

export default async function queryRoute(app: FastifyInstance): Promise<void> {
  const { data } = app.exact;

  app.get("/query", async (req) => {
    const { session, query, fresh } = caller(req);
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
    const resolved = await data.resolveDivisions(session, selector, fresh);
    const odata = {
      $select: options.select.join(","),
      $filter: options.filter ?? undefined,
      $orderby: options.orderby ?? undefined,
      $top: options.top === null ? undefined : String(options.top),
    };
    const perDivision = await data.fanOut(resolved.divisions, (division) =>
      data.fetch(session, division, options.resource, odata, fresh),
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
}

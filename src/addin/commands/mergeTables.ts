/** Concatenates tables with the same columns (one per role) into one; "as of" is the oldest. */
import type { TableResponse } from "../../shared/api";

export function mergeTables(tables: readonly TableResponse[]): TableResponse {
  if (tables.length === 0) throw new Error("Nothing to merge.");
  const [first] = tables;
  const header = JSON.stringify(first.columns);
  if (tables.some((table) => JSON.stringify(table.columns) !== header)) {
    throw new Error("The EOL gateway answered with different columns for the same report.");
  }
  return {
    ...first,
    rows: tables.flatMap((table) => table.rows),
    asOf: tables.map((table) => table.asOf).sort()[0],
    divisions: [...new Set(tables.flatMap((table) => table.divisions))],
    cached: tables.every((table) => table.cached),
  };
}

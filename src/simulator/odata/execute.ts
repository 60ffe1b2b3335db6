/** Runs parsed query options over a resource's rows: filter, order, skip/top, then one page by skiptoken. */
import { matches } from "./evaluate";
import type { QueryOptions } from "./options";
import type { EntitySchema, Row } from "./schema";

export interface PageResult {
  rows: Row[];
  /** Rows matching $filter (for `__count` and `/$count`). */
  total: number;
  /** Key of the last row when more rows follow, for the next `$skiptoken`. */
  nextKey: string | number | null;
}

function compareValues(a: Row[string], b: Row[string]): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === "string" && typeof b === "string")
    return a.localeCompare(b, "nl-NL", { sensitivity: "base" });
  return a < b ? -1 : a > b ? 1 : 0;
}

export function filterRows(rows: readonly Row[], options: QueryOptions): Row[] {
  return options.filter ? rows.filter((row) => matches(options.filter, row)) : rows.slice();
}

export function runQuery(
  rows: readonly Row[],
  entity: EntitySchema,
  options: QueryOptions,
  pageSize: number,
): PageResult {
  const filtered = filterRows(rows, options);
  const total = filtered.length;
  if (options.orderBy.length > 0) {
    filtered.sort((left, right) => {
      for (const { field, descending } of options.orderBy) {
        const order = compareValues(left[field], right[field]);
        if (order !== 0) return descending ? -order : order;
      }
      return compareValues(left[entity.key], right[entity.key]);
    });
  }
  let sequence = filtered.slice(options.skip);
  if (options.top !== null) sequence = sequence.slice(0, options.top);
  let start = 0;
  if (options.skipToken !== null) {
    const index = sequence.findIndex((row) => row[entity.key] === options.skipToken);
    // A key no longer present: continue after the first row whose key is greater (rows are key-ordered by default).
    start =
      index >= 0
        ? index + 1
        : sequence.findIndex((row) => compareValues(row[entity.key], options.skipToken) > 0);
    if (start < 0) start = sequence.length;
  }
  const page = sequence.slice(start, start + pageSize);
  const more = start + pageSize < sequence.length;
  return { rows: page, total, nextKey: more ? (page[page.length - 1][entity.key] as string | number) : null };
}

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

export function filterRows(rows: readonly Row[], options: QueryOptions): readonly Row[] {
  return options.filter ? rows.filter((row) => matches(options.filter, row)) : rows;
}

/** First index in key-ordered rows[from, to) whose key is greater than `key` (binary search). */
function firstAfter(
  rows: readonly Row[],
  keyField: string,
  key: string | number,
  from: number,
  to: number,
): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareValues(rows[middle][keyField], key) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Rows arrive sorted by key. Without $orderby the sequence stays key-ordered, so the $skiptoken position
 * is found by binary search and nothing is copied but the page itself (large sets page quickly).
 */
export function runQuery(
  rows: readonly Row[],
  entity: EntitySchema,
  options: QueryOptions,
  pageSize: number,
): PageResult {
  let sequence = filterRows(rows, options);
  const total = sequence.length;
  const ordered = options.orderBy.length > 0;
  if (ordered) {
    sequence = sequence.slice().sort((left, right) => {
      for (const { field, descending } of options.orderBy) {
        const order = compareValues(left[field], right[field]);
        if (order !== 0) return descending ? -order : order;
      }
      return compareValues(left[entity.key], right[entity.key]);
    });
  }
  const from = Math.min(options.skip, sequence.length);
  const to = options.top === null ? sequence.length : Math.min(sequence.length, from + options.top);
  let start = from;
  if (options.skipToken !== null) {
    const token = options.skipToken;
    if (!ordered) {
      start = firstAfter(sequence, entity.key, token, from, to);
    } else {
      const index = sequence.findIndex((row, i) => i >= from && i < to && row[entity.key] === token);
      start = index >= 0 ? index + 1 : to;
    }
  }
  const end = Math.min(start + pageSize, to);
  const page = sequence.slice(start, end);
  return {
    rows: page,
    total,
    nextKey: end < to ? (page[page.length - 1][entity.key] as string | number) : null,
  };
}

/**
 * Which divisions a request covers, as the functions, the ribbon and the task pane state it, and as the
 * gateway's `divisions` parameter spells it.
 */

/**
 * "all", "current" (the division last opened in Exact), a list of codes, or null when left empty: the
 * function's or route's default then applies (the current division; all divisions for ROLEHOLDERS).
 * Lists are deduplicated, in given order.
 */
export type DivisionSelection = "all" | "current" | number[] | null;

/** The gateway's `divisions` parameter: "all", "current", "1,2,3", or absent for the route's default. */
export function divisionsParam(selection: DivisionSelection): string | undefined {
  if (selection === null) return undefined;
  return typeof selection === "string" ? selection : selection.join(",");
}

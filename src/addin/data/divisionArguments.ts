/**
 * Which divisions a request covers, as the functions, the ribbon and the task pane state it, and as the
 * gateway's `divisions` parameter spells it.
 */

/** "all", a list of codes (deduplicated, in given order), or null for the signed-in user's current division. */
export type DivisionSelection = "all" | number[] | null;

/** The gateway's `divisions` parameter: "all", "1,2,3", or absent for the current division. */
export function divisionsParam(selection: DivisionSelection): string | undefined {
  if (selection === null) return undefined;
  return selection === "all" ? "all" : selection.join(",");
}

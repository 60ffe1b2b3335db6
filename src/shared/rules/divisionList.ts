/**
 * Division lists — one grammar for the functions' and ribbon's arguments (as users type them) and the
 * gateway's `divisions` parameter (as the add-in sends it): "all", "current" (the division last opened
 * in Exact), or division codes (whole numbers 1 … MAX_DIVISION_CODE), duplicates dropped, given order
 * kept, at most MAX_DIVISIONS_IN_LIST distinct codes. Users may separate codes in one text with commas
 * or semicolons; the wire uses commas only (divisionsParam writes it).
 */
import { MAX_DIVISION_CODE, MAX_DIVISIONS_IN_LIST } from "./queryLimits";

/** Which divisions a request covers; null where left empty (the function's or route's default). */
export type DivisionSelection = "all" | "current" | number[] | null;

export type DivisionListResult =
  | { ok: true; selection: "all" | "current" | number[] }
  | { ok: false; reason: "not_a_division" | "too_many" };

/** How codes are separated: in what users type, and on the wire. */
const SEPARATORS = { typed: /[,;]/, wire: "," } as const;

/** One division code from a number or a text of digits, else null. */
export function divisionCode(value: string | number): number | null {
  const code = typeof value === "number" ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(code) && code >= 1 && code <= MAX_DIVISION_CODE ? code : null;
}

/**
 * Parses a division list given as items (the cells of a range, or one text): one item "all" or
 * "current" (any case), else codes — numbers, or texts of codes separated as `spelling` allows.
 * No items is an empty list: callers decide what that means.
 */
export function parseDivisionList(
  items: readonly (string | number)[],
  spelling: keyof typeof SEPARATORS,
): DivisionListResult {
  const only = items.length === 1 && typeof items[0] === "string" ? items[0].trim().toLowerCase() : null;
  if (only === "all" || only === "current") return { ok: true, selection: only };
  const codes = new Set<number>();
  for (const item of items) {
    const parts = typeof item === "string" ? item.split(SEPARATORS[spelling]) : [item];
    for (const part of parts) {
      const code = divisionCode(part);
      if (code === null) return { ok: false, reason: "not_a_division" };
      codes.add(code);
      if (codes.size > MAX_DIVISIONS_IN_LIST) return { ok: false, reason: "too_many" };
    }
  }
  return { ok: true, selection: [...codes] };
}

/** The gateway's `divisions` parameter: "all", "current", "1,2,3", or absent for the route's default. */
export function divisionsParam(selection: DivisionSelection): string | undefined {
  if (selection === null) return undefined;
  return typeof selection === "string" ? selection : selection.join(SEPARATORS.wire);
}

/**
 * What the access review computes from: role rows of many divisions, each joined with its user (the
 * rows the role routes already join, fetched once per division), and the helpers its parts share.
 */
import type { ExactRecord } from "../../exact/odata";

export const DAY_MS = 86_400_000;

/** A role row of one division with its user from the user listing (undefined when not listed). */
export interface ReviewRoleRow {
  division: number;
  role: ExactRecord;
  user: ExactRecord | undefined;
}

/** An Exact date field (ISO after the client's conversion) in epoch ms; null when empty or unreadable. */
export function timeOf(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}

export function startOfDay(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

/** Distinct numbers in ascending order. */
export function sortedDistinct(values: Iterable<number>): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** Orders by full name (the user ID when the user is not listed), as the other user tables do. */
export function byName(a: { userId: string; user: ExactRecord | undefined }, b: typeof a): number {
  return String(a.user?.FullName ?? a.userId).localeCompare(String(b.user?.FullName ?? b.userId));
}

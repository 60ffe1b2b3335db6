/**
 * What changed in the role rows on or after a day: roles granted (started or entered then), grants that
 * start after today ("Starting": entered, but not held yet), ended since, and ending within 30 days. "Changed by" is who entered the row for a grant and who last changed it
 * (set the end date) for an end — Exact's CreatorFullName and ModifierFullName.
 */
import { ENDING_WITHIN_DAYS } from "../../../shared/rules/accessReview";
import { ROLE_CHANGE_COLUMNS as HEADERS } from "../../../shared/rules/tableColumns";
import { withCells } from "../tables";
import type { ExactRecord } from "../../exact/odata";
import { DAY_MS, byName, startOfDay, timeOf, type ReviewRoleRow } from "./reviewRows";

export type RoleChangeKind = "Granted" | "Starting" | "Ended" | "Ending";

export interface RoleChangeRow {
  change: RoleChangeKind;
  /** When: the start (or, for a grant backdated before `since`, its entry); the end date for an end. */
  date: number;
  division: number;
  userId: string;
  user: ExactRecord | undefined;
  role: ExactRecord;
  changedBy: unknown;
}

export interface RoleChangeOptions {
  /** Epoch ms of the first day looked at (inclusive). */
  since: number;
  now: number;
  /** Only these role numbers; null = all. */
  roles: readonly number[] | null;
}

/**
 * Ends count as "ended" before today and as "ending" from today on (a row ending today is active today);
 * a grant whose start is still to come is "starting", as "Active today" says it is not held yet.
 */
export function roleChanges(rows: readonly ReviewRoleRow[], options: RoleChangeOptions): RoleChangeRow[] {
  const today = startOfDay(options.now);
  const endingUntil = today + ENDING_WITHIN_DAYS * DAY_MS;
  const changes: RoleChangeRow[] = [];
  for (const row of rows) {
    if (options.roles && !options.roles.includes(Number(row.role.Role))) continue;
    const base = { division: row.division, userId: String(row.role.UserID), user: row.user, role: row.role };
    const start = timeOf(row.role.StartDate);
    const created = timeOf(row.role.Created);
    const granted =
      start !== null && start >= options.since
        ? start
        : created !== null && created >= options.since
          ? created
          : null;
    if (granted !== null) {
      const change = start !== null && start > options.now ? "Starting" : "Granted";
      changes.push({ ...base, change, date: granted, changedBy: row.role.CreatorFullName });
    }
    const end = timeOf(row.role.EndDate);
    if (end !== null && end >= options.since && end <= endingUntil) {
      const change = end < today ? "Ended" : "Ending";
      changes.push({ ...base, change, date: end, changedBy: row.role.ModifierFullName });
    }
  }
  return changes.sort((a, b) => b.date - a.date || a.division - b.division || byName(a, b));
}

const iso = (time: number) => new Date(time).toISOString();

export const ROLE_CHANGE_COLUMNS = withCells<keyof typeof HEADERS, RoleChangeRow>(HEADERS, {
  change: (row) => row.change,
  date: (row) => iso(row.date),
  division: (row) => row.division,
  userId: (row) => row.userId,
  fullName: (row) => row.user?.FullName,
  userName: (row) => row.user?.UserName,
  role: (row) => row.role.Role,
  roleDescription: (row) => row.role.Description,
  changedBy: (row) => row.changedBy,
  startDate: (row) => row.role.StartDate,
  endDate: (row) => row.role.EndDate,
});

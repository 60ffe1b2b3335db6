/**
 * Lower bounds on Exact calls, computed from the simulator's data: the fewest pages of 60 any client
 * needs to know each answer — a queried division costs at least one call even when it has no rows.
 */
import { defaultGrant, isRoleActive, type SimDataset } from "../src/simulator";

export const PAGE_SIZE = 60;
const pages = (rows: number) => Math.max(1, Math.ceil(rows / PAGE_SIZE));

/** Divisions the auto-approved primary user granted, open for calls (not blocked). */
export function grantedOpenDivisions(data: SimDataset): number[] {
  const granted = new Set(defaultGrant(data, data.primaryUserId));
  return data.divisions.filter((d) => granted.has(d.code) && d.blockingStatus === 0).map((d) => d.code);
}

export function divisionsBound(data: SimDataset): number {
  return pages(defaultGrant(data, data.primaryUserId).length);
}

/**
 * Checking an explicit list of `divisions` the caller can open, when the caller's division list is not
 * known yet: a correct client makes no call to a division it cannot open (each refusal counts towards
 * Exact's error block), so it reads at least one page per 60 asked divisions — or the whole list, if
 * that is fewer pages.
 */
export function accessCheckBound(data: SimDataset, divisions: number): number {
  return Math.min(pages(divisions), divisionsBound(data));
}

/** Role rows (active today, optionally of given roles) per division + the users they name, 60 a page. */
export function roleRowsBound(data: SimDataset, divisions: number[], now: number, roles?: number[]): number {
  const wanted = new Set(divisions);
  const rowsPerDivision = new Map<number, number>(divisions.map((d) => [d, 0]));
  const users = new Set<string>();
  for (const row of data.roles) {
    if (!wanted.has(row.division) || !isRoleActive(row, now)) continue;
    if (roles && !roles.includes(row.role)) continue;
    rowsPerDivision.set(row.division, rowsPerDivision.get(row.division)! + 1);
    users.add(row.userId);
  }
  let calls = 0;
  for (const rows of rowsPerDivision.values()) calls += pages(rows);
  return calls + (users.size ? pages(users.size) : 0);
}

/** An access review: every role row of each division (ended ones too, for changes) + the users they name. */
export function reviewRowsBound(data: SimDataset, divisions: number[]): number {
  const wanted = new Set(divisions);
  const rowsPerDivision = new Map<number, number>(divisions.map((d) => [d, 0]));
  const users = new Set<string>();
  for (const row of data.roles) {
    if (!wanted.has(row.division)) continue;
    rowsPerDivision.set(row.division, rowsPerDivision.get(row.division)! + 1);
    users.add(row.userId);
  }
  let calls = 0;
  for (const rows of rowsPerDivision.values()) calls += pages(rows);
  return calls + (users.size ? pages(users.size) : 0);
}

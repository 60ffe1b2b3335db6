/**
 * Who entered each role row and when it last changed (Exact's Created/Creator and Modified/Modifier), and
 * the recent grants and ends an access review looks for. Draws from its own random stream, so the rows,
 * users and divisions of the main stream stay exactly as they were.
 */
import type { SeededRandom } from "../random";
import { DAY } from "./builders";
import type { SimUserRole } from "./types";

/** A role row before its audit fields are known; audit fields already given are kept. */
export type RoleGrant = Omit<SimUserRole, "createdBy" | "modified" | "modifiedBy"> &
  Partial<Pick<SimUserRole, "createdBy" | "modified" | "modifiedBy">>;

/** End dates up to this far ahead were entered shortly before they take effect; later ones with the grant. */
const END_SET_WITH_GRANT_BEYOND = 30 * DAY;

/** An administrator other than the user (nobody grants their own roles), drawn from `admins`. */
function administrator(admins: readonly string[], userId: string, rng: SeededRandom): string {
  const others = admins.filter((admin) => admin !== userId);
  return rng.pick(others.length > 0 ? others : admins);
}

/** When the row last changed: a near or past end date was set a few days before it took effect. */
function lastChange(grant: RoleGrant, today: number, rng: SeededRandom): number {
  const end = grant.endDate;
  if (end === null || end > today + END_SET_WITH_GRANT_BEYOND) return grant.created;
  return Math.max(grant.created, Math.min(end, today) - rng.int(1, 14) * DAY);
}

/** Completes every row's audit trail: granted by an administrator; a near or past end set later by one. */
export function withAuditTrail(
  grants: readonly RoleGrant[],
  admins: readonly string[],
  today: number,
  rng: SeededRandom,
): SimUserRole[] {
  return grants.map((grant) => {
    const createdBy = grant.createdBy ?? administrator(admins, grant.userId, rng);
    const modified = grant.modified ?? lastChange(grant, today, rng);
    const modifiedBy =
      grant.modifiedBy ?? (modified === grant.created ? createdBy : administrator(admins, grant.userId, rng));
    return { ...grant, createdBy, modified, modifiedBy };
  });
}

export interface RecentShares {
  /** Share of open rows granted in the last 90 days. */
  granted: number;
  /** Share of open rows ended in the last 90 days. */
  ended: number;
  /** Share of open rows ending within the next 30 days. */
  ending: number;
}

/**
 * Turns a share of the open rows (no end date) into recent history, in place: granted in the last 90
 * days, ended in the last 90 days, or ending within 30 days. Rows of `keepRole` stay as they are (the
 * data set's documented facts about it).
 */
export function scatterRecentChanges(
  grants: RoleGrant[],
  today: number,
  rng: SeededRandom,
  keepRole: number,
  shares: RecentShares,
): void {
  for (const grant of grants) {
    if (grant.role === keepRole || grant.endDate !== null) continue;
    const draw = rng.next();
    if (draw < shares.granted) {
      const start = today - rng.int(1, 89) * DAY;
      grant.startDate = start;
      grant.created = start;
    } else if (draw < shares.granted + shares.ended) {
      const end = today - rng.int(1, 89) * DAY;
      if (grant.startDate === null || grant.startDate < end) grant.endDate = end;
    } else if (draw < shares.granted + shares.ended + shares.ending) {
      grant.endDate = today + rng.int(0, 29) * DAY;
    }
  }
}

/**
 * The role catalogue as seen in the data: one row per role number with Exact's description, its role
 * level(s), and how many distinct users and divisions hold it today. Descriptions come from Exact's
 * rows (in the signed-in user's language), not from a list of ours.
 */
import { ROLE_CATALOGUE_COLUMNS as HEADERS } from "../../../shared/rules/tableColumns";
import { activeOn, label, ROLE_LEVEL, withCells } from "../tables";
import { sortedDistinct, type ReviewRoleRow } from "./reviewRows";

export interface RoleCatalogueRow {
  role: number;
  description: string | null;
  levels: number[];
  holders: number;
  divisions: number;
}

export function roleCatalogue(rows: readonly ReviewRoleRow[], now: number): RoleCatalogueRow[] {
  const roles = new Map<
    number,
    { description: string | null; levels: number[]; holders: Set<string>; divisions: Set<number> }
  >();
  for (const row of rows) {
    const role = Number(row.role.Role);
    if (!Number.isInteger(role)) continue;
    let entry = roles.get(role);
    if (!entry) {
      entry = { description: null, levels: [], holders: new Set(), divisions: new Set() };
      roles.set(role, entry);
    }
    if (entry.description === null && typeof row.role.Description === "string" && row.role.Description) {
      entry.description = row.role.Description;
    }
    if (typeof row.role.RoleLevel === "number") entry.levels.push(row.role.RoleLevel);
    if (activeOn(row.role, now)) {
      entry.holders.add(String(row.role.UserID));
      entry.divisions.add(row.division);
    }
  }
  return [...roles.entries()]
    .sort(([a], [b]) => a - b)
    .map(([role, entry]) => ({
      role,
      description: entry.description,
      levels: sortedDistinct(entry.levels),
      holders: entry.holders.size,
      divisions: entry.divisions.size,
    }));
}

export const ROLE_CATALOGUE_COLUMNS = withCells<keyof typeof HEADERS, RoleCatalogueRow>(HEADERS, {
  role: (row) => row.role,
  roleDescription: (row) => row.description,
  roleLevel: (row) => row.levels.map((level) => label(ROLE_LEVEL, level)).join(", ") || null,
  activeHolders: (row) => row.holders,
  divisionsHeld: (row) => row.divisions,
});

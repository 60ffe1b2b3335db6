/**
 * Joins role rows with the users of the same division (full name, user name), and folds active role
 * rows into distinct role holders with the divisions where they hold the roles. Users are fetched only
 * for divisions that have matching role rows (fewest calls).
 */
import type { SessionContext } from "../contracts";
import type { ExactRecord } from "../exact/odata";
import type { DataService, Fetched } from "./dataService";
import { activeOn, type RoleHolderRow, type UserRoleRow } from "./tables";

export async function userRoleRows(
  service: DataService,
  session: SessionContext,
  divisions: number[],
  roles: number[] | null,
  fresh: boolean,
): Promise<{ rows: UserRoleRow[]; parts: Fetched<unknown>[] }> {
  const now = service.now();
  const perDivision = await service.fanOut(divisions, async (division) => {
    const roleRows = await service.userRoles(session, division, roles, fresh);
    if (roleRows.value.length === 0) return { division, roleRows, users: null };
    const users = await service.users(session, division, fresh);
    return { division, roleRows, users };
  });
  const rows: UserRoleRow[] = [];
  const parts: Fetched<unknown>[] = [];
  for (const { division, roleRows, users } of perDivision) {
    parts.push(roleRows);
    const byId = new Map<unknown, ExactRecord>();
    if (users) {
      parts.push(users);
      for (const user of users.value) byId.set(user.UserID, user);
    }
    for (const role of roleRows.value) {
      rows.push({ division, role, user: byId.get(role.UserID), activeToday: activeOn(role, now) });
    }
  }
  return { rows, parts };
}

export function roleHolderRows(activeRows: UserRoleRow[]): RoleHolderRow[] {
  const holders = new Map<string, RoleHolderRow>();
  for (const row of activeRows) {
    const userId = String(row.role.UserID);
    let holder = holders.get(userId);
    if (!holder) {
      holder = { userId, user: row.user, roles: [], divisions: [] };
      holders.set(userId, holder);
    }
    holder.user ??= row.user;
    const role = Number(row.role.Role);
    if (!holder.roles.includes(role)) holder.roles.push(role);
    if (!holder.divisions.includes(row.division)) holder.divisions.push(row.division);
  }
  const sorted = [...holders.values()];
  for (const holder of sorted) {
    holder.roles.sort((a, b) => a - b);
    holder.divisions.sort((a, b) => a - b);
  }
  return sorted.sort((a, b) =>
    String(a.user?.FullName ?? a.userId).localeCompare(String(b.user?.FullName ?? b.userId)),
  );
}

/**
 * Joins role rows with their users (full name, user name), and folds active role rows into distinct
 * role holders with the divisions where they hold the roles. Names come from one license-wide user
 * listing fetched alongside the role rows; only a division with users missing from it (another
 * license's users) costs its own users/Users call (fewest calls).
 */
import type { PageSink } from "../answers/answerMeter";
import type { SessionContext } from "../contracts";
import type { ExactRecord } from "../exact/odata";
import type { DataService, Fetched } from "./dataService";
import type { FanOutProgress } from "./fanOut";
import { activeOn, type RoleHolderRow, type UserRoleRow } from "./tables";
import { LoginTypes } from "./userLogin";

type Directory = Promise<{ fetched: Fetched<ExactRecord[]>; byId: Map<unknown, ExactRecord> } | null>;

export async function userRoleRows(
  service: DataService,
  session: SessionContext,
  divisions: number[],
  roles: number[] | null,
  fresh: boolean,
  progress?: FanOutProgress | null,
  /** Where the role rows are weighed (the answer's rows, or its input); user listings are input. */
  sink?: PageSink | null,
): Promise<{ rows: UserRoleRow[]; parts: Fetched<unknown>[] }> {
  const input = sink?.meter.input;
  const now = service.now();
  let directory: Directory | null = null;
  // Started on the first division with role rows, so an answer without any rows costs no user call.
  const userDirectory = () =>
    (directory ??= service
      .userDirectory(session, fresh, input)
      .then((fetched) => fetched && { fetched, byId: indexUsers(fetched.value) }));
  const perDivision = await service.fanOut(divisions, async (division) => {
    const roleRows = await service.userRoles(session, division, roles, fresh, sink);
    if (roleRows.value.length === 0) return { division, roleRows, users: null };
    const known = await userDirectory();
    if (known && roleRows.value.every((role) => known.byId.has(role.UserID))) {
      return { division, roleRows, users: known.fetched };
    }
    return { division, roleRows, users: await service.users(session, division, fresh, input) };
  }, progress);
  const rows: UserRoleRow[] = [];
  const parts = new Set<Fetched<unknown>>();
  // Login types (and Exact Identity users' e-mail as user name) from the directory, for either listing.
  // (`directory` is set inside the fan-out's closures, which TypeScript's narrowing does not see.)
  const known = await (directory as Directory | null);
  const logins = new LoginTypes(known?.fetched.value ?? null);
  for (const { division, roleRows, users } of perDivision) {
    parts.add(roleRows);
    if (users) parts.add(users);
    const byId = users ? indexUsers(users.value) : new Map<unknown, ExactRecord>();
    for (const role of roleRows.value) {
      const user = byId.get(role.UserID);
      rows.push({ division, role, user: user && logins.of(user), activeToday: activeOn(role, now) });
    }
  }
  return { rows, parts: [...parts] };
}

function indexUsers(users: ExactRecord[]): Map<unknown, ExactRecord> {
  return new Map(users.map((user) => [user.UserID, user]));
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

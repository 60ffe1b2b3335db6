/**
 * Findings an auditor acts on, only from what the data shows: users whose login has ended (their user
 * end date passed) but who still hold active roles, and users holding active roles who never logged in
 * or not for `inactiveDays`: one row per user, the first finding that applies in that order (a login
 * that ended explains not logging in since). Two-step verification is a separate question (twoStep.ts):
 * a user holding roles may have a second row for it, unless their login has ended.
 */
import { ACCESS_FINDING_COLUMNS as HEADERS } from "../../../shared/rules/tableColumns";
import { activeOn, withCells } from "../tables";
import type { ExactRecord } from "../../exact/odata";
import { DAY_MS, byName, sortedDistinct, timeOf, type ReviewRoleRow } from "./reviewRows";
import { TWO_STEP_FINDING_TEXT, twoStepFinding, type TwoStepFinding } from "./twoStep";

export type FindingKind = "loginEnded" | "neverLoggedIn" | "inactive" | TwoStepFinding;

export interface AccessFindingRow {
  kind: FindingKind;
  finding: string;
  userId: string;
  user: ExactRecord;
  roles: number[];
  divisions: number[];
}

const ORDER: FindingKind[] = ["loginEnded", "neverLoggedIn", "inactive", "noTwoStep", "twoStepUnregistered"];

function findingText(kind: FindingKind, inactiveDays: number): string {
  if (kind === "noTwoStep" || kind === "twoStepUnregistered") return TWO_STEP_FINDING_TEXT[kind];
  if (kind === "loginEnded") return "Login ended, roles still active";
  if (kind === "neverLoggedIn") return "Never logged in";
  return `No login for ${inactiveDays} days`;
}

function findingOf(user: ExactRecord, now: number, inactiveDays: number): FindingKind | null {
  const end = timeOf(user.EndDate);
  if (end !== null && end < now) return "loginEnded";
  const lastLogin = timeOf(user.LastLogin);
  if (lastLogin === null) return "neverLoggedIn";
  if (lastLogin < now - inactiveDays * DAY_MS) return "inactive";
  return null;
}

/** Users not in the user listing are left out: without their record nothing can be said about them. */
export function accessFindings(
  rows: readonly ReviewRoleRow[],
  options: { now: number; inactiveDays: number },
): AccessFindingRow[] {
  const holders = new Map<string, { user: ExactRecord; roles: number[]; divisions: number[] }>();
  for (const row of rows) {
    if (!row.user || !activeOn(row.role, options.now)) continue;
    const userId = String(row.role.UserID);
    let holder = holders.get(userId);
    if (!holder) {
      holder = { user: row.user, roles: [], divisions: [] };
      holders.set(userId, holder);
    }
    holder.roles.push(Number(row.role.Role));
    holder.divisions.push(row.division);
  }
  const findings: AccessFindingRow[] = [];
  for (const [userId, holder] of holders) {
    const login = findingOf(holder.user, options.now, options.inactiveDays);
    const twoStep = login === "loginEnded" ? null : twoStepFinding(holder.user);
    for (const kind of [login, twoStep]) {
      if (!kind) continue;
      findings.push({
        kind,
        finding: findingText(kind, options.inactiveDays),
        userId,
        user: holder.user,
        roles: sortedDistinct(holder.roles),
        divisions: sortedDistinct(holder.divisions),
      });
    }
  }
  return findings.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || byName(a, b));
}

export const ACCESS_FINDING_COLUMNS = withCells<keyof typeof HEADERS, AccessFindingRow>(HEADERS, {
  finding: (row) => row.finding,
  userId: (row) => row.userId,
  fullName: (row) => row.user.FullName,
  userName: (row) => row.user.UserName,
  lastLogin: (row) => row.user.LastLogin,
  loginEndDate: (row) => row.user.EndDate,
  roles: (row) => row.roles.join(", "),
  divisions: (row) => row.divisions.join(", "),
});

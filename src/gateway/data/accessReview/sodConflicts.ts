/**
 * Segregation-of-duties conflicts: for each rule (two role numbers the organisation says must be kept
 * apart, src/shared/rules/sodRules.ts), one row per user and division where both roles are active
 * today, from the role rows the review already reads (no call of its own). "Since" is when the user
 * came to hold both: the later of the two roles' start dates (empty when neither has one).
 */
import { parseSodRulesParam, ruleLabel, type SodRule } from "../../../shared/rules/sodRules";
import { invalid } from "../arguments";
import { SOD_CONFLICT_COLUMNS as HEADERS } from "../../../shared/rules/tableColumns";
import { activeOn, withCells } from "../tables";
import type { ExactRecord } from "../../exact/odata";
import { byName, timeOf, type ReviewRoleRow } from "./reviewRows";

export interface SodConflictRow {
  rule: SodRule;
  ruleIndex: number;
  division: number;
  userId: string;
  user: ExactRecord | undefined;
  roleA: ExactRecord;
  roleB: ExactRecord;
  since: number | null;
}

/** Of several active rows of one role, the one held longest (no start date counts as earliest). */
function earliest(a: ExactRecord | undefined, b: ExactRecord): ExactRecord {
  if (!a) return b;
  return (timeOf(b.StartDate) ?? -Infinity) < (timeOf(a.StartDate) ?? -Infinity) ? b : a;
}

export function sodConflicts(
  rows: readonly ReviewRoleRow[],
  rules: readonly SodRule[],
  now: number,
): SodConflictRow[] {
  if (rules.length === 0) return [];
  const wanted = new Set(rules.flatMap((rule) => [rule.roleA, rule.roleB]));
  // Per user and division: the active row of each role a rule names.
  const held = new Map<string, { division: number; userId: string; user: ExactRecord | undefined; roles: Map<number, ExactRecord> }>();
  for (const row of rows) {
    const role = Number(row.role.Role);
    if (!wanted.has(role) || !activeOn(row.role, now)) continue;
    const userId = String(row.role.UserID);
    const key = `${row.division} ${userId}`;
    let entry = held.get(key);
    if (!entry) {
      entry = { division: row.division, userId, user: row.user, roles: new Map() };
      held.set(key, entry);
    }
    entry.user ??= row.user;
    entry.roles.set(role, earliest(entry.roles.get(role), row.role));
  }
  const conflicts: SodConflictRow[] = [];
  rules.forEach((rule, ruleIndex) => {
    for (const entry of held.values()) {
      const roleA = entry.roles.get(rule.roleA);
      const roleB = entry.roles.get(rule.roleB);
      if (!roleA || !roleB) continue;
      const starts = [timeOf(roleA.StartDate), timeOf(roleB.StartDate)].filter((t): t is number => t !== null);
      const since = starts.length > 0 ? Math.max(...starts) : null;
      const { division, userId, user } = entry;
      conflicts.push({ rule, ruleIndex, division, userId, user, roleA, roleB, since });
    }
  });
  return conflicts.sort((a, b) => a.ruleIndex - b.ruleIndex || a.division - b.division || byName(a, b));
}

export const SOD_CONFLICT_COLUMNS = withCells<keyof typeof HEADERS, SodConflictRow>(HEADERS, {
  rule: (row) => ruleLabel(row.rule),
  userId: (row) => row.userId,
  fullName: (row) => row.user?.FullName,
  userName: (row) => row.user?.UserName,
  division: (row) => row.division,
  roleA: (row) => row.rule.roleA,
  roleADescription: (row) => row.roleA.Description,
  roleB: (row) => row.rule.roleB,
  roleBDescription: (row) => row.roleB.Description,
  since: (row) => (row.since === null ? null : new Date(row.since).toISOString()),
});

export const SOD_RULES_ACCEPTS =
  'accepts a JSON list of rules, each [role A, role B] or [role A, role B, "rule name"]';

/** The `rules` parameter: the rules, or none when it is left out (and not required). */
export function parseRulesParameter(raw: string | undefined, required: boolean): SodRule[] {
  if (raw === undefined || raw.trim() === "") {
    if (required) throw invalid("rules", `is required and ${SOD_RULES_ACCEPTS}`);
    return [];
  }
  const parsed = parseSodRulesParam(raw);
  if (!parsed.ok) throw invalid("rules", `${SOD_RULES_ACCEPTS}; ${parsed.message}`);
  return parsed.rules;
}

/**
 * The whole access review from one set of role rows: holders of the chosen roles, findings, changes
 * since a day, the role catalogue and the separation-rule conflicts — the tables of the Access review sheet.
 */
import type { ReviewTables } from "../../../shared/api";
import { roleHolderRows } from "../roleJoins";
import { activeOn, ROLE_HOLDER_COLUMNS, shapeRows, type UserRoleRow } from "../tables";
import { ACCESS_FINDING_COLUMNS, accessFindings } from "./accessFindings";
import { ROLE_CATALOGUE_COLUMNS, roleCatalogue } from "./roleCatalogue";
import { ROLE_CHANGE_COLUMNS, roleChanges } from "./roleChanges";
import { SOD_CONFLICT_COLUMNS, sodConflicts } from "./sodConflicts";
import type { SodRule } from "../../../shared/rules/sodRules";

export interface ReviewOptions {
  now: number;
  since: number;
  roles: number[];
  inactiveDays: number;
  /** Separation rules (the sheet's "Separation rules" table); none: an empty conflicts table. */
  rules: readonly SodRule[];
}

export function accessReview(rows: readonly UserRoleRow[], options: ReviewOptions): ReviewTables {
  const chosen = rows.filter(
    (row) => options.roles.includes(Number(row.role.Role)) && activeOn(row.role, options.now),
  );
  return {
    holders: shapeRows(ROLE_HOLDER_COLUMNS, roleHolderRows(chosen)),
    findings: shapeRows(ACCESS_FINDING_COLUMNS, accessFindings(rows, options)),
    changes: shapeRows(ROLE_CHANGE_COLUMNS, roleChanges(rows, { ...options, roles: null })),
    catalogue: shapeRows(ROLE_CATALOGUE_COLUMNS, roleCatalogue(rows, options.now)),
    conflicts: shapeRows(SOD_CONFLICT_COLUMNS, sodConflicts(rows, options.rules, options.now)),
  };
}

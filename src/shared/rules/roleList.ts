/**
 * Role numbers as users type them ("274", "274, 11", "274; 11 10") — one parser for the functions'
 * arguments, the task pane's role field and the gateway's `role`/`roles` parameters.
 *
 * At most MAX_ROLES distinct roles: the list travels in the gateway's URL, which has to stay
 * reasonable; Exact's role numbers are a few hundred, so an audit never needs more in one call.
 */
export const MAX_ROLES = 50;

const ROLE_NUMBER = /^\d{1,9}$/;

export type RoleListResult = { ok: true; roles: number[] } | { ok: false; reason: "not_a_role" | "too_many" };

/**
 * Parses a role list: parts separated by commas, semicolons or spaces, each a whole number ≥ 1;
 * duplicates dropped, given order kept. An empty text is an empty list (callers decide whether that
 * means "all roles" or "missing").
 */
export function parseRoles(text: string): RoleListResult {
  const roles: number[] = [];
  for (const part of text.split(/[,;\s]+/)) {
    if (part === "") continue;
    if (!ROLE_NUMBER.test(part) || Number(part) < 1) return { ok: false, reason: "not_a_role" };
    const role = Number(part);
    if (!roles.includes(role)) roles.push(role);
    if (roles.length > MAX_ROLES) return { ok: false, reason: "too_many" };
  }
  return { ok: true, roles };
}

import { parseRoles as parseRoleList } from "../../shared/rules/roleList";

/** Parses the role picker's text: "274, 10" → [274, 10]; "" → all roles; anything else is an error. */
export function parseRoles(text: string): number[] | null {
  const parsed = parseRoleList(text);
  return parsed.ok ? parsed.roles : null;
}

/** The role every audit starts with: "Manage subscription", who can register apps. */
export const DEFAULT_ROLE = 274;

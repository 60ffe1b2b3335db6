/** Parses the role picker's text: "274, 10" → [274, 10]; "" → all roles; anything else is an error. */
export function parseRoles(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return [];
  if (!parts.every((part) => /^\d{1,9}$/.test(part))) return null;
  return [...new Set(parts.map(Number))];
}

/** The role every audit starts with: "Manage subscription", who can register apps. */
export const DEFAULT_ROLE = 274;

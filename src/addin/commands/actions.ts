/**
 * The add-in's user actions, shared by the ribbon (ribbonCommands.ts) and the task pane, so each has
 * one implementation. Long operations report progress through the "progress" event (../events.ts).
 *
 * PLACEHOLDER SIGNATURES: the Functions-and-ribbon work replaces these bodies with the real actions.
 */
export interface RoleAuditOptions {
  /** Role numbers to audit; all roles when empty or missing. */
  roles?: number[];
  /** "all" divisions, a list of division codes, or the current division when missing. */
  divisions?: "all" | number[];
}

function notYet(name: string): never {
  throw new Error(`${name} is not available yet`);
}

export async function refreshAll(): Promise<void> {
  notYet("Refresh all");
}

export async function clearCache(): Promise<void> {
  notYet("Clear cache");
}

export async function insertDivisionsSheet(): Promise<void> {
  notYet("Insert divisions sheet");
}

export async function insertRoleAuditSheet(_options: RoleAuditOptions = {}): Promise<void> {
  notYet("Insert role audit sheet");
}

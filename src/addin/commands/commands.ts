/*
 * Ribbon command handlers. With the shared runtime these run in the same JavaScript context as the
 * task pane and the custom functions. Every FunctionName in manifest.xml is associated here, at once
 * when this bundle loads and before Office.onReady, as Microsoft's docs and shared-runtime sample do:
 * a handler associated later (or never, when the host is slow to report ready) leaves its button dead.
 */
import { RIBBON_COMMANDS, type RibbonCommandId } from "./ribbonCommands";
import { tellUser } from "./ribbonNotice";

/** The button labels of manifest.xml, for the title of a message about a button. */
const BUTTON_LABELS: Record<RibbonCommandId, string> = {
  showTaskpane: "Show task pane",
  refreshAll: "Refresh all",
  signIn: "Sign in",
  signOut: "Sign out",
  clearCache: "Clear cache",
  insertDivisionsSheet: "Divisions sheet",
  insertRoleAuditSheet: "Role audit sheet",
  insertAccessReviewSheet: "Access review",
};

export async function runCommand(id: RibbonCommandId, event: Office.AddinCommands.Event): Promise<void> {
  try {
    await RIBBON_COMMANDS[id]();
  } catch (error) {
    console.error(`EOL ribbon command ${id} failed`, error);
    // A button has no place of its own to say what went wrong (e.g. not signed in).
    const text = error instanceof Error && error.message ? error.message : "Something went wrong.";
    await tellUser({ title: `${BUTTON_LABELS[id]}: not done`, text }).catch(() => undefined);
  } finally {
    // Office queues further clicks of this button until completed() is called.
    event.completed();
  }
}

/** Associates every ribbon command; false where Office.js (and so the ribbon) is absent. */
export function registerRibbonCommands(): boolean {
  if (typeof Office === "undefined" || typeof Office.actions?.associate !== "function") return false;
  for (const id of Object.keys(RIBBON_COMMANDS) as RibbonCommandId[]) {
    Office.actions.associate(id, (event: Office.AddinCommands.Event) => runCommand(id, event));
  }
  return true;
}

registerRibbonCommands();

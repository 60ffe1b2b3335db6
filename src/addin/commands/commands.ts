/*
 * Ribbon command handlers. With the shared runtime these run in the same JavaScript context as the
 * task pane and the custom functions. Every FunctionName in manifest.xml is associated here, at once
 * when this bundle loads and before Office.onReady, as Microsoft's docs and shared-runtime sample do:
 * a handler associated later (or never, when the host is slow to report ready) leaves its button dead.
 */
import { errorCodeOf } from "./noticeMessage";
import { associateCommand, canAssociateCommands, type RibbonEvent } from "../office/ribbon";
import { RIBBON_COMMANDS, type RibbonCommandId } from "./ribbonCommands";
import { tellUser } from "./ribbonNotice";

export async function runCommand(id: RibbonCommandId, event: RibbonEvent): Promise<void> {
  try {
    await RIBBON_COMMANDS[id]();
  } catch (error) {
    console.error(`EOL ribbon command ${id} failed`, error);
    // A button has no place of its own to say what went wrong (e.g. not signed in). The title names
    // the button as the ribbon labels it (the catalogue's ribbonButtons match manifest.xml's labels).
    await tellUser({ button: id, failed: true, code: errorCodeOf(error) }).catch(() => undefined);
  } finally {
    // Office queues further clicks of this button until completed() is called.
    event.completed();
  }
}

/** Associates every ribbon command; false where Office.js (and so the ribbon) is absent. */
export function registerRibbonCommands(): boolean {
  if (!canAssociateCommands()) return false;
  for (const id of Object.keys(RIBBON_COMMANDS) as RibbonCommandId[]) {
    associateCommand(id, (event) => runCommand(id, event));
  }
  return true;
}

registerRibbonCommands();

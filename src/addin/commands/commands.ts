/*
 * Ribbon command handlers. With the shared runtime these run in the same JavaScript context as the
 * task pane and the custom functions. Every FunctionName in manifest.xml is associated here.
 */
import { officeReady } from "../office";
import { RIBBON_COMMANDS, type RibbonCommandId } from "./ribbonCommands";

export async function runCommand(id: RibbonCommandId, event: Office.AddinCommands.Event): Promise<void> {
  try {
    await RIBBON_COMMANDS[id]();
  } catch (error) {
    console.error(`EOL ribbon command ${id} failed`, error);
    // A button has no place to show what went wrong (e.g. not signed in): the task pane does.
    await Promise.resolve()
      .then(() => Office.addin.showAsTaskpane())
      .catch(() => undefined);
  } finally {
    // Office queues further clicks of this button until completed() is called.
    event.completed();
  }
}

export function registerRibbonCommands(): void {
  for (const id of Object.keys(RIBBON_COMMANDS) as RibbonCommandId[]) {
    Office.actions.associate(id, (event: Office.AddinCommands.Event) => runCommand(id, event));
  }
}

void officeReady().then((host) => {
  if (host.inOffice) registerRibbonCommands();
});

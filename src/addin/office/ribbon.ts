/**
 * The ribbon side of Office: associating the manifest's <FunctionName>s with handlers, opening the
 * task pane, and hearing whether the pane shows (SharedRuntime 1.1 visibility events).
 */
import { officeHost } from "./host";

/** What Office hands a ribbon handler: completed() frees the button for its next click. */
export interface RibbonEvent {
  completed(): void;
}

/** Whether there is a ribbon to associate handlers with (Office.js with Office.actions). */
export function canAssociateCommands(): boolean {
  return typeof officeHost().office?.actions?.associate === "function";
}

export function associateCommand(id: string, handler: (event: RibbonEvent) => unknown): void {
  officeHost().office!.actions.associate(id, handler);
}

/** Whether Office's add-in API (show/hide the pane) is here at all. */
export function hasAddinApi(): boolean {
  return !!officeHost().office?.addin;
}

/** Asks Office to show the task pane; rejects where the host does not support it. */
export async function showTaskpane(): Promise<void> {
  const addin = officeHost().office?.addin;
  if (!addin) throw new Error("The task pane needs Office.");
  await addin.showAsTaskpane();
}

/**
 * Calls `listener` whenever Office shows or hides the task pane. Resolves once Office listens; rejects
 * where the host has no visibility events.
 */
export async function watchPaneVisibility(listener: (visible: boolean) => void): Promise<void> {
  const addin = officeHost().office?.addin;
  if (!addin?.onVisibilityModeChanged) throw new Error("No pane visibility events here.");
  await addin.onVisibilityModeChanged((message) => listener(message.visibilityMode === "Taskpane"));
}

/**
 * Office's Dialog API: opening a dialog from the shared runtime (the sign-in window, a ribbon notice)
 * and, inside a dialog page, sending its one message back with messageParent.
 */
import { officeHost } from "./host";

export interface DialogSize {
  /** Percent of the screen. */
  height: number;
  width: number;
  /** Office on the web: an iframe instead of a popup window. */
  displayInIframe?: boolean;
}

/** A dialog that opened: what its page sends, what Office reports (closed, failed to load), close(). */
export interface HostDialog {
  /** The page's messageParent; `origin` is undefined on hosts that do not report it. */
  onMessage(listener: (message: string, origin: string | undefined) => void): void;
  /** Office's dialog events: 12006 closed by the user, 12002 page not loadable, … */
  onEvent(listener: (code: number) => void): void;
  close(): void;
}

/** displayDialogAsync failed: Office's code (12004 domain, 12007 another dialog open, …) and message. */
export class DialogOpenError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "DialogOpenError";
  }
}

/** DialogEventReceived's code when the user closed the dialog (it is gone; no close() needed). */
const DIALOG_CLOSED_BY_USER = 12006;

/** Whether Office.js offers the Dialog API here. */
export function hasDialogApi(): boolean {
  return !!officeHost().office?.context?.ui?.displayDialogAsync;
}

/** Whether this host can open Office dialogs (inside Office, not a plain browser tab). */
export function canOpenDialogs(): boolean {
  return hasDialogApi() && !!officeHost().office?.context.host;
}

/** How a dialog behaves towards the next one. */
export interface DialogOptions {
  /**
   * A message the user may have left open (a ribbon notice): the next dialog closes it first, since
   * Office allows one dialog per host page and would refuse the next with 12007.
   */
  yieldsToNext?: boolean;
}

// The dialog this runtime has open (Office allows one per host page), until closed by us or the user.
let openNow: { close(): void; yieldsToNext: boolean } | null = null;

/** Closes the open dialog when it yields to the next one; true when it did. */
export function closeYieldingDialog(): boolean {
  if (!openNow?.yieldsToNext) return false;
  openNow.close();
  return true;
}

/** Opens `url` (on the add-in's own origin) in an Office dialog; rejects with DialogOpenError. */
export function openDialog(url: string, size: DialogSize, options: DialogOptions = {}): Promise<HostDialog> {
  const office = officeHost().office;
  if (!office?.context?.ui?.displayDialogAsync) {
    return Promise.reject(new DialogOpenError(0, "Office dialogs are not available here."));
  }
  closeYieldingDialog();
  return new Promise((resolve, reject) => {
    office.context.ui.displayDialogAsync(url, size, (result) => {
      if (result.status !== office.AsyncResultStatus.Succeeded) {
        reject(new DialogOpenError(result.error.code, result.error.message));
        return;
      }
      const dialog = result.value;
      // One handler per event type (Office keeps one), handing on to every listener.
      const messageListeners: Array<(message: string, origin: string | undefined) => void> = [];
      const eventListeners: Array<(code: number) => void> = [];
      const tracked = {
        yieldsToNext: options.yieldsToNext === true,
        close() {
          if (openNow === tracked) openNow = null;
          try {
            dialog.close();
          } catch {
            // Already gone (the user closed it): nothing left to close.
          }
        },
      };
      openNow = tracked;
      dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
        if ("message" in arg) for (const listener of messageListeners) listener(arg.message, arg.origin);
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived, (arg) => {
        if (!("error" in arg)) return;
        if (arg.error === DIALOG_CLOSED_BY_USER && openNow === tracked) openNow = null;
        for (const listener of eventListeners) listener(arg.error);
      });
      resolve({
        onMessage: (listener) => void messageListeners.push(listener),
        onEvent: (listener) => void eventListeners.push(listener),
        close: () => tracked.close(),
      });
    });
  });
}

/** Inside a dialog page: hands `message` to the page that opened it; false where there is no Office parent. */
export function messageParent(message: string, targetOrigin: string): boolean {
  const ui = officeHost().office?.context?.ui;
  if (!ui?.messageParent) return false;
  ui.messageParent(message, { targetOrigin });
  return true;
}

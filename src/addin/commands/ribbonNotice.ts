/**
 * How a ribbon button tells the user something (sign-in needed, an error). The task pane is the place,
 * and Office's showAsTaskpane opens it; but since February 2026 Office ignores that call for
 * add-ins published in the Microsoft Marketplace (docs: develop/show-hide-add-in), and the call may
 * never settle. So the pane is asked for, and when Office has not reported it visible shortly after,
 * the message shows in an Office dialog (notice.html) instead. Either way the message stays on the
 * pane's notice board (noticeBoard.ts) until dismissed. Outside Office there is no ribbon.
 */
import { addinStrings } from "../i18n";
import { emit, on } from "../events";
import { hasDialogApi, openDialog } from "../office/dialogs";
import { hasAddinApi, showTaskpane, watchPaneVisibility } from "../office/ribbon";
import { postNotice } from "./noticeBoard";
import { noticeQuery, noticeTexts, type Notice } from "./noticeMessage";

export type { Notice };

/** How long the pane gets to appear after showAsTaskpane before the dialog is used instead. */
export const PANE_VISIBLE_WAIT_MS = 1500;

// Whether the task pane is showing, as Office reports it ("pane-visibility" events). Hidden until
// Office says otherwise: the page's own visibilityState is no guide (in Excel on the web the hidden
// runtime's frame reports "visible").
const pane = { visible: false, watching: false };
on("pane-visibility", ({ visible }) => (pane.visible = visible));

function watchPane(): void {
  if (pane.watching || !hasAddinApi()) return;
  pane.watching = true;
  void Promise.resolve()
    .then(() => watchPaneVisibility((visible) => emit("pane-visibility", { visible })))
    .catch(() => (pane.watching = false));
}

/**
 * Asks Office for the pane; true once Office reports it visible within `ms`, false when it does not,
 * or when showAsTaskpane fails — never waiting on a showAsTaskpane that does not settle.
 */
function paneShowsWithin(ms: number): Promise<boolean> {
  if (pane.visible) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (visible: boolean) => {
      clearTimeout(timer);
      stop();
      resolve(visible);
    };
    const stop = on("pane-visibility", ({ visible }) => visible && done(true));
    const timer = setTimeout(() => done(pane.visible), ms);
    showTaskpane().catch(() => done(pane.visible));
  });
}

/** The dialog page showing `notice` (as codes), on the add-in's own origin (the Dialog API requires it). */
export function noticeUrl(notice: Notice, origin = globalThis.location.origin): string {
  return `${origin}/notice.html?${noticeQuery(notice).toString()}`;
}

async function showDialog(notice: Notice): Promise<boolean> {
  try {
    // An iframe on the web (lighter than a popup); it yields to a sign-in, which needs the one dialog.
    const dialog = await openDialog(
      noticeUrl(notice),
      { height: 30, width: 35, displayInIframe: true },
      { yieldsToNext: true },
    );
    dialog.onMessage(() => dialog.close());
    return true;
  } catch (error) {
    // e.g. 12007: a sign-in dialog is open. The pane's notice board still has the message.
    const code = (error as { code?: number }).code;
    console.error(`EOL notice could not be shown (${code}): ${noticeTexts(addinStrings(), notice).text}`);
    return false;
  }
}

/**
 * Shows `notice` in the task pane when Office shows the pane, else in a dialog; it stays on the pane's
 * notice board in every case. Says where it showed ("board" when only the board has it for now).
 */
export async function tellUser(notice: Notice): Promise<"pane" | "dialog" | "board" | "none"> {
  if (!hasAddinApi()) return "none";
  postNotice(notice);
  watchPane();
  if (await paneShowsWithin(PANE_VISIBLE_WAIT_MS)) return "pane";
  if (!hasDialogApi()) return "board";
  return (await showDialog(notice)) ? "dialog" : "board";
}

// Start listening at load, so a pane the user opens or closes is known before a button needs it.
watchPane();

/**
 * How a ribbon button tells the user something (sign-in needed, an error). The task pane is the place,
 * and Office's showAsTaskpane opens it; but since February 2026 Office ignores that call for
 * add-ins published in the Microsoft Marketplace (docs: develop/show-hide-add-in). So the pane is asked
 * for, and when it has not become visible shortly after, the message shows in an Office dialog
 * (notice.html) instead. Outside Office there is no ribbon, and nothing to do.
 */
import { addinStrings } from "../i18n";
import { emit, on } from "../events";
import { hasDialogApi, openDialog } from "../office/dialogs";
import { hasAddinApi, showTaskpane, watchPaneVisibility } from "../office/ribbon";
import { noticeQuery, noticeTexts, type Notice } from "./noticeMessage";

export type { Notice };

/** How long the pane gets to appear after showAsTaskpane before the dialog is used instead. */
export const PANE_VISIBLE_WAIT_MS = 1500;

// Whether the task pane is showing, as Office reports it ("pane-visibility" events). Until the first
// event, the page's own visibility is the best guess.
const pane = {
  visible: typeof document !== "undefined" && document.visibilityState === "visible",
  watching: false,
};
on("pane-visibility", ({ visible }) => (pane.visible = visible));

function watchPane(): void {
  if (pane.watching || !hasAddinApi()) return;
  pane.watching = true;
  void Promise.resolve()
    .then(() => watchPaneVisibility((visible) => emit("pane-visibility", { visible })))
    .catch(() => (pane.watching = false));
}

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
  });
}

/** The dialog page showing `notice` (as codes), on the add-in's own origin (the Dialog API requires it). */
export function noticeUrl(notice: Notice, origin = globalThis.location.origin): string {
  return `${origin}/notice.html?${noticeQuery(notice).toString()}`;
}

async function showDialog(notice: Notice): Promise<void> {
  try {
    const dialog = await openDialog(noticeUrl(notice), { height: 30, width: 35 });
    dialog.onMessage(() => dialog.close());
  } catch (error) {
    // e.g. 12007: another dialog (a sign-in) is open; the message is in the console at least.
    const code = (error as { code?: number }).code;
    console.error(`EOL notice could not be shown (${code}): ${noticeTexts(addinStrings(), notice).text}`);
  }
}

/**
 * Shows `notice` in the task pane when Office shows the pane (the pane has the details already: it
 * listens to the sign-in and progress events), else in a dialog. Says which one it used.
 */
export async function tellUser(notice: Notice): Promise<"pane" | "dialog" | "none"> {
  if (!hasAddinApi()) return "none";
  watchPane();
  try {
    await showTaskpane();
    if (await paneShowsWithin(PANE_VISIBLE_WAIT_MS)) return "pane";
  } catch {
    // Not available here: fall through to the dialog.
  }
  if (!hasDialogApi()) return "none";
  await showDialog(notice);
  return "dialog";
}

// Start listening at load, so a pane the user opens or closes is known before a button needs it.
watchPane();

/**
 * How a ribbon button tells the user something (sign-in needed, an error). The task pane is the place,
 * and Office.addin.showAsTaskpane opens it; but since February 2026 Office ignores that call for
 * add-ins published in the Microsoft Marketplace (docs: develop/show-hide-add-in). So the pane is asked
 * for, and when it has not become visible shortly after, the message shows in an Office dialog
 * (notice.html) instead. Outside Office there is no ribbon, and nothing to do.
 */
import { addinStrings } from "../i18n";
import { sharedState } from "../sharedState";
import { noticeQuery, noticeTexts, type Notice } from "./noticeMessage";

export type { Notice };

/** How long the pane gets to appear after showAsTaskpane before the dialog is used instead. */
export const PANE_VISIBLE_WAIT_MS = 1500;

// Whether the task pane is showing, as Office reports it (SharedRuntime 1.1 visibility events). Until
// the first event, the page's own visibility is the best guess.
const pane = sharedState("paneVisibility", () => ({
  visible: typeof document !== "undefined" && document.visibilityState === "visible",
  waiters: new Set<() => void>(),
  watching: false,
}));

function watchPaneVisibility(): void {
  if (pane.watching || typeof Office === "undefined" || !Office.addin?.onVisibilityModeChanged) return;
  pane.watching = true;
  void Promise.resolve()
    .then(() =>
      Office.addin.onVisibilityModeChanged((message) => {
        pane.visible = message.visibilityMode === "Taskpane";
        if (pane.visible) for (const wake of pane.waiters) wake();
      }),
    )
    .catch(() => (pane.watching = false));
}

function paneShowsWithin(ms: number): Promise<boolean> {
  if (pane.visible) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (visible: boolean) => {
      clearTimeout(timer);
      pane.waiters.delete(wake);
      resolve(visible);
    };
    const wake = () => done(true);
    const timer = setTimeout(() => done(pane.visible), ms);
    pane.waiters.add(wake);
  });
}

/** The dialog page showing `notice` (as codes), on the add-in's own origin (the Dialog API requires it). */
export function noticeUrl(notice: Notice, origin = globalThis.location.origin): string {
  return `${origin}/notice.html?${noticeQuery(notice).toString()}`;
}

function showDialog(notice: Notice): Promise<void> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(noticeUrl(notice), { height: 30, width: 35 }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        // e.g. 12007: another dialog (a sign-in) is open; the message is in the console at least.
        console.error(
          `EOL notice could not be shown (${result.error.code}): ${noticeTexts(addinStrings(), notice).text}`,
        );
        resolve();
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
      resolve();
    });
  });
}

/**
 * Shows `notice` in the task pane when Office shows the pane (the pane has the details already: it
 * listens to the sign-in and progress events), else in a dialog. Says which one it used.
 */
export async function tellUser(notice: Notice): Promise<"pane" | "dialog" | "none"> {
  if (typeof Office === "undefined" || !Office.addin) return "none";
  watchPaneVisibility();
  try {
    await Office.addin.showAsTaskpane();
    if (await paneShowsWithin(PANE_VISIBLE_WAIT_MS)) return "pane";
  } catch {
    // Not available here: fall through to the dialog.
  }
  if (!Office.context?.ui?.displayDialogAsync) return "none";
  await showDialog(notice);
  return "dialog";
}

// Start listening at load, so a pane the user opens or closes is known before a button needs it.
watchPaneVisibility();

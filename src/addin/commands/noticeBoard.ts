/**
 * The ribbon's latest message, kept until the user dismisses it in the task pane: whatever else
 * happens to it (the pane did not show, the dialog could not open, the user closed it), it is still
 * there the next time the pane shows, so no ribbon message is ever lost.
 */
import { on } from "../events";
import type { Notice } from "./noticeMessage";

const board = { latest: null as Notice | null, listeners: new Set<(notice: Notice | null) => void>() };

function changed(notice: Notice | null): void {
  board.latest = notice;
  for (const listener of board.listeners) listener(notice);
}

export function postNotice(notice: Notice): void {
  changed(notice);
}

export function latestNotice(): Notice | null {
  return board.latest;
}

export function dismissNotice(): void {
  changed(null);
}

/** Calls `listener` with every new message (null once dismissed); returns the unsubscribe function. */
export function watchNotices(listener: (notice: Notice | null) => void): () => void {
  board.listeners.add(listener);
  return () => board.listeners.delete(listener);
}

// A message asking to sign in is answered once the user has signed in.
on("sign-in", (state) => {
  const latest = board.latest;
  if (state.phase === "signed-in" && (latest?.button === "signIn" || latest?.code === "not_signed_in")) {
    dismissNotice();
  }
});

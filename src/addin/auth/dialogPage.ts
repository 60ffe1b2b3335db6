/*
 * auth-complete.html: the last page of the sign-in dialog. The gateway's callback redirects here with
 * ?status=ok|error&loginId=…[&code=…&message=…]; this page hands that (never a token) to the task pane:
 * via Office's messageParent inside an Office dialog, or window.opener.postMessage in a plain popup.
 */
import type { LoginCompletedMessage } from "../../shared/api";
import { completionMessageFromQuery } from "./completionMessage";
import { officeReady } from "../office";

function show(title: string, detail: string): void {
  const titleEl = document.getElementById("title");
  const detailEl = document.getElementById("detail");
  if (titleEl) titleEl.textContent = title;
  if (detailEl) detailEl.textContent = detail;
}

async function deliver(message: LoginCompletedMessage): Promise<void> {
  const payload = JSON.stringify(message);
  const origin = window.location.origin;
  const host = await officeReady();
  if (host.inOffice && Office.context?.ui?.messageParent) {
    Office.context.ui.messageParent(payload, { targetOrigin: origin });
    return;
  }
  if (window.opener) {
    (window.opener as Window).postMessage(message, origin);
    window.close();
  }
}

const message = completionMessageFromQuery(window.location.search);
// The completion code is for the task pane only: keep it out of this window's history where the
// browser lets us (Office.js sets history.replaceState to null in its hosts).
if (typeof window.history.replaceState === "function") {
  window.history.replaceState(null, "", window.location.pathname);
}
show(
  message.status === "ok" ? "Signed in" : "Sign-in failed",
  message.status === "ok" ? "You can close this window." : (message.message ?? "Please try again."),
);
void deliver(message);

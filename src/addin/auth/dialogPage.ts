/*
 * auth-complete.html: the last page of the sign-in dialog. The gateway's callback redirects here with
 * ?status=ok|error&loginId=…[&code=…&message=…]; this page hands that (never a token) to the task pane:
 * via Office's messageParent inside an Office dialog, or window.opener.postMessage in a plain popup.
 */
import type { LoginCompletedMessage } from "../../shared/api";
import { completionMessageFromQuery } from "./completionMessage";
import { addinLanguage, addinStrings, errorText } from "../i18n";
import { officeReady } from "../office";

/** The outcome in the add-in's language (known for sure once Office is ready, so shown again then). */
function show(message: LoginCompletedMessage): void {
  const s = addinStrings();
  document.documentElement.lang = addinLanguage();
  document.title = s.signInWindowTitle;
  const titleEl = document.getElementById("title");
  const detailEl = document.getElementById("detail");
  const ok = message.status === "ok";
  if (titleEl) titleEl.textContent = ok ? s.signInDone : s.signInFailed;
  if (detailEl)
    detailEl.textContent = ok
      ? s.closeThisWindow
      : errorText(s, message.code ?? "internal_error", message.message);
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
show(message);
void officeReady().then(() => show(message));
void deliver(message);

/*
 * auth-complete.html: the last page of the sign-in dialog. The gateway's callback redirects here with
 * ?status=ok|error&loginId=…[&code=…&message=…]; this page hands that (never a token) to the task pane:
 * via Office's messageParent inside an Office dialog, or window.opener.postMessage in a plain popup.
 * With status=retry (Exact did not say who signed in; the gateway kept the new tokens) it offers
 * "Try again" instead, which asks the gateway to read the identity again — no second consent.
 */
import type { LoginCompletedMessage } from "../../shared/api";
import {
  completionMessageFromQuery,
  locationAfterRetry,
  retryableFromQuery,
  type RetryableSignIn,
} from "./completionMessage";
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

async function tryAgain(retry: RetryableSignIn, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  show("Trying again…", retry.message);
  let answer: unknown;
  try {
    const res = await fetch(`/auth/logins/${encodeURIComponent(retry.loginId)}/identify`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ completionCode: retry.completionCode }),
    });
    answer = await res.json();
  } catch {
    show("Almost signed in", "The gateway could not be reached. Try again in a moment.");
    button.disabled = false;
    return;
  }
  window.location.replace(locationAfterRetry(answer, retry.loginId));
}

function offerRetry(retry: RetryableSignIn): void {
  show("Almost signed in", retry.message);
  const button = document.getElementById("retry") as HTMLButtonElement | null;
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", () => void tryAgain(retry, button));
}

const retry = retryableFromQuery(window.location.search);
const message = completionMessageFromQuery(window.location.search);
// The completion code is for the task pane only: keep it out of this window's history where the
// browser lets us (Office.js sets history.replaceState to null in its hosts).
if (typeof window.history.replaceState === "function") {
  window.history.replaceState(null, "", window.location.pathname);
}
if (retry) {
  offerRetry(retry);
} else {
  show(
    message.status === "ok" ? "Signed in" : "Sign-in failed",
    message.status === "ok" ? "You can close this window." : (message.message ?? "Please try again."),
  );
  void deliver(message);
}

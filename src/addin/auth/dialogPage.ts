/*
 * auth-complete.html: the last page of the sign-in dialog. The gateway's callback redirects here with
 * ?status=ok|error&loginId=…[&code=…]; this page hands that (never a token) to the task pane:
 * via Office's messageParent inside an Office dialog, or window.opener.postMessage in a plain popup.
 * With status=retry (Exact did not say who signed in; the gateway kept the new tokens) it offers
 * "Try again" instead, which asks the gateway to read the identity again — no second consent. Texts come
 * from the add-in's catalogue by error code only, never from the address (completionMessage.ts).
 */
import type { LoginCompletedMessage } from "../../shared/api";
import {
  completionMessageFromQuery,
  locationAfterRetry,
  retryableFromQuery,
  type RetryableSignIn,
} from "./completionMessage";
import { addinLanguage, addinStrings, errorText } from "../i18n";
import { timeLimitedSignal } from "../data/timeLimit";
import { messageParent } from "../office/dialogs";
import { officeReady } from "../office/environment";

/** "Try again" reads Exact's identity once more (with the gateway's retries): given up after this. */
export const IDENTIFY_TIME_LIMIT_MS = 2 * 60_000;

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
    detailEl.textContent = ok ? s.closeThisWindow : errorText(s, message.code ?? "internal_error");
}

function showText(title: string, detail: string): void {
  const titleEl = document.getElementById("title");
  const detailEl = document.getElementById("detail");
  if (titleEl) titleEl.textContent = title;
  if (detailEl) detailEl.textContent = detail;
}

async function tryAgain(retry: RetryableSignIn, button: HTMLButtonElement): Promise<void> {
  const s = addinStrings();
  button.disabled = true;
  showText(s.signInTrying, s.signInNoIdentity);
  let answer: unknown;
  // A gateway that does not answer must not leave the window waiting for good.
  const limit = timeLimitedSignal(IDENTIFY_TIME_LIMIT_MS);
  try {
    const res = await fetch(`/auth/logins/${encodeURIComponent(retry.loginId)}/identify`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ completionCode: retry.completionCode }),
      signal: limit.signal,
    });
    answer = await res.json();
  } catch {
    showText(s.signInAlmost, s.signInGatewayAway);
    button.disabled = false;
    return;
  } finally {
    limit.dispose();
  }
  window.location.replace(locationAfterRetry(answer, retry.loginId));
}

/** The retry offer, in the add-in's language; the task pane hears nothing until it ends. */
function offerRetry(retry: RetryableSignIn): void {
  const render = () => {
    const s = addinStrings();
    document.documentElement.lang = addinLanguage();
    document.title = s.signInWindowTitle;
    showText(s.signInAlmost, s.signInNoIdentity);
    if (button) button.textContent = s.signInTryAgain;
  };
  const button = document.getElementById("retry") as HTMLButtonElement | null;
  render();
  void officeReady().then(render);
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", () => void tryAgain(retry, button));
}

async function deliver(message: LoginCompletedMessage): Promise<void> {
  const payload = JSON.stringify(message);
  const origin = window.location.origin;
  const host = await officeReady();
  if (host.inOffice && messageParent(payload, origin)) return;
  if (window.opener) {
    (window.opener as Window).postMessage(message, origin);
    window.close();
  }
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
  show(message);
  void officeReady().then(() => show(message));
  void deliver(message);
}

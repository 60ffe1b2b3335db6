/**
 * The window the user signs in with: an Office dialog inside Office, a `window.open` popup in a plain
 * browser tab (preview, tests). Both load the gateway's start URL and resolve with the message that
 * auth-complete.html sends back (never a token).
 */
import type { LoginCompletedMessage } from "../../shared/api";
import { DialogOpenError, openDialog, type DialogSize, type HostDialog } from "../office/dialogs";
import { SignInError } from "./signInError";

export interface SignInWindow {
  /** Loads `url` and waits for auth-complete.html's message. */
  run(url: string): Promise<LoginCompletedMessage>;
  /** Closes the window when the flow stops early (e.g. starting the login failed). */
  close(): void;
}

const POPUP_FEATURES = "popup=yes,width=520,height=720";
const POLL_MS = 500;
/** A sign-in that takes longer than this is abandoned (the gateway's login expires sooner anyway). */
const MAX_WAIT_MS = 15 * 60 * 1000;

export function parseCompletionMessage(data: unknown): LoginCompletedMessage | null {
  let value = data;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (typeof value !== "object" || value === null) return null;
  const message = value as Partial<LoginCompletedMessage>;
  if (message.type !== "eol-login" || (message.status !== "ok" && message.status !== "error")) return null;
  if (message.loginId !== undefined && typeof message.loginId !== "string") return null;
  return {
    type: "eol-login",
    status: message.status,
    loginId: message.loginId,
    completionCode: typeof message.completionCode === "string" ? message.completionCode : undefined,
    code: typeof message.code === "string" ? message.code : undefined,
    message: typeof message.message === "string" ? message.message.slice(0, 300) : undefined,
  };
}

/**
 * Opens the popup right away (still inside the click's user activation, so blockers allow it) on a
 * blank page; `run` then points it at the start URL once the gateway has created the login.
 */
export function openPopupWindow(win: Window = window): SignInWindow {
  const popup = win.open("about:blank", "eol-sign-in", POPUP_FEATURES);
  const expectedOrigin = win.location.origin;
  return {
    run(url) {
      if (!popup) {
        return Promise.reject(new SignInError("popup_blocked", "The browser blocked the sign-in window."));
      }
      popup.location.href = url;
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const finish = (): void => {
          win.removeEventListener("message", onMessage);
          win.clearInterval(timer);
        };
        const onMessage = (event: MessageEvent): void => {
          if (event.origin !== expectedOrigin) return; // only our own auth-complete page may answer
          const message = parseCompletionMessage(event.data);
          if (!message) return;
          finish();
          if (!popup.closed) popup.close();
          resolve(message);
        };
        const timer = win.setInterval(() => {
          if (popup.closed) {
            finish();
            reject(new SignInError("popup_closed", "The sign-in window was closed before sign-in finished."));
          } else if (Date.now() - started > MAX_WAIT_MS) {
            finish();
            popup.close();
            reject(new SignInError("timeout", "Sign-in took too long."));
          }
        }, POLL_MS);
        win.addEventListener("message", onMessage);
      });
    },
    close() {
      if (popup && !popup.closed) popup.close();
    },
  };
}

const DIALOG_SIZE: DialogSize = { height: 70, width: 35, displayInIframe: false };
/** 12007: a dialog is still closing; Office's own advice is to try again shortly. */
const DIALOG_BUSY = 12007;
const BUSY_RETRY_MS = 700;

async function displayDialog(url: string): Promise<HostDialog> {
  try {
    return await openDialog(url, DIALOG_SIZE);
  } catch (error) {
    if (error instanceof DialogOpenError) throw new SignInError(String(error.code), error.message);
    throw error;
  }
}

async function displayDialogWithRetry(url: string): Promise<HostDialog> {
  try {
    return await displayDialog(url);
  } catch (error) {
    if (!(error instanceof SignInError) || error.code !== String(DIALOG_BUSY)) throw error;
    await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
    return displayDialog(url);
  }
}

/** Office's dialog (displayDialogAsync) on the same-origin start URL. */
export function openOfficeDialog(expectedOrigin: string = location.origin): SignInWindow {
  let dialog: HostDialog | null = null;
  return {
    async run(url) {
      const opened = await displayDialogWithRetry(url);
      dialog = opened;
      return new Promise((resolve, reject) => {
        opened.onMessage((text, origin) => {
          // Older hosts do not report the origin; when they do it must be ours.
          if (origin !== undefined && origin !== expectedOrigin) return;
          const message = parseCompletionMessage(text);
          if (!message) return;
          opened.close();
          dialog = null;
          resolve(message);
        });
        opened.onEvent((code) => {
          // 12002 (page not loadable) and 12003 (http) leave the dialog open, and 12006 may come from a
          // page Office no longer reaches: close it always, or the next Sign in gets 12007.
          opened.close();
          dialog = null;
          reject(new SignInError(String(code), `The sign-in dialog reported ${code}.`));
        });
      });
    },
    close() {
      dialog?.close();
      dialog = null;
    },
  };
}

/** The right window for where we run; call it synchronously from the click handler. */
export function openSignInWindow(inOffice: boolean): SignInWindow {
  return inOffice ? openOfficeDialog() : openPopupWindow();
}

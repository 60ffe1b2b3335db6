/**
 * Sign in / sign out as the ribbon (and anything else outside the task pane) starts them. Sign-in uses
 * the remembered connection settings; when the task pane is needed (no settings yet, or the gateway
 * wants the client secret again) it opens the task pane, which shows why.
 */
import { gatewayClient } from "../gateway/client";
import { loadConnectionSettings } from "./connectionSettings";
import { signInWithSettings, type SignInRequest } from "./signInFlow";
import { setSignInState } from "./signInState";

async function showTaskpane(): Promise<void> {
  if (typeof Office !== "undefined" && Office.addin?.showAsTaskpane) await Office.addin.showAsTaskpane();
}

async function savedRequest(): Promise<SignInRequest | null> {
  const config = await gatewayClient.authConfig();
  if (config.managed) return {};
  const saved = loadConnectionSettings();
  if (!saved || (saved.country !== "demo" && !saved.clientId)) return null;
  return {
    country: saved.country,
    clientId: saved.clientId || undefined,
    redirectUri: saved.redirectUri || undefined,
  };
}

export async function signIn(): Promise<void> {
  let request: SignInRequest | null;
  try {
    request = await savedRequest();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    setSignInState({ phase: "failed", code: "network_error", message });
    await showTaskpane();
    return;
  }
  if (!request) {
    await showTaskpane(); // nothing saved yet: the pane asks for the settings
    return;
  }
  try {
    await signInWithSettings(request);
  } catch {
    // The failure (e.g. the gateway wants the client secret again) is in the sign-in state; the
    // pane shows it next to the fields.
    await showTaskpane();
  }
}

export async function signOut(): Promise<void> {
  try {
    await gatewayClient.signOut();
  } finally {
    setSignInState({ phase: "idle" });
  }
}

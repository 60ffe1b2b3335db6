/**
 * Sign in / sign out as the ribbon (and anything else outside the task pane) starts them. Sign-in runs
 * directly when no input is needed (admin-managed app, or the remembered demo); otherwise — no
 * settings yet, or an own app whose client secret must be entered again — it sends the user to the
 * task pane (opening it where Office lets us, else saying so in a dialog: ribbonNotice.ts).
 */
import { errorCodeOf } from "./noticeMessage";
import { tellUser } from "./ribbonNotice";
import { dataServices } from "../data/services";
import { loadConnectionSettings } from "../auth/connectionSettings";
import { signInWithSettings, type SignInRequest } from "../auth/signInFlow";
import { getSignInState, setSignInState } from "../auth/signInState";

/** Sends the user to the task pane, saying why with an error code (its text is the catalogue's). */
async function toThePane(code?: string): Promise<void> {
  await tellUser({ button: "signIn", code, openPane: true });
}

/** What the ribbon can sign in with on its own, or null when the pane must ask (settings, secret). */
async function savedRequest(): Promise<SignInRequest | null> {
  const config = await dataServices().client.authConfig();
  if (config.managed) return {};
  const saved = loadConnectionSettings();
  // The client secret is never stored, and the gateway needs it for every own app: only the demo's
  // built-in app signs in without the pane.
  if (saved?.country === "demo" && !saved.clientId && config.countries.includes("demo")) {
    return { country: "demo", redirectUri: saved.redirectUri || undefined };
  }
  return null;
}

export async function signIn(): Promise<void> {
  let request: SignInRequest | null;
  try {
    request = await savedRequest();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    setSignInState({ phase: "failed", code: "network_error", message });
    await toThePane("network_error");
    return;
  }
  if (!request) {
    await toThePane(); // nothing saved yet: the pane asks for the settings
    return;
  }
  try {
    await signInWithSettings(request);
  } catch (error) {
    // The failure (e.g. the gateway wants the client secret again) is in the sign-in state; the
    // pane shows it next to the fields.
    const state = getSignInState();
    await toThePane(state.phase === "failed" ? state.code : (errorCodeOf(error) ?? "internal_error"));
  }
}

export async function signOut(): Promise<void> {
  try {
    await dataServices().client.signOut();
  } finally {
    setSignInState({ phase: "idle" });
  }
}

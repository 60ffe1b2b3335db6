/**
 * One sign-in, start to finish: create the login on the gateway (settings + in-memory login secret),
 * let the user sign in to Exact in a dialog or popup, redeem the login for a gateway session token and
 * keep it. The client secret is only passed through to POST /auth/logins.
 */
import type { LoginRequest, SessionInfo } from "../../shared/api";
import type { Country } from "../../shared/countries";
import { GatewayRequestError, type GatewayClient } from "../data/gatewayClient";
import { dataServices } from "../data/services";
import { canOpenDialogs } from "../office/dialogs";
import { setSessionToken } from "../session/tokenStore";
import { newLoginSecret } from "./loginSecret";
import { signInPageUrl } from "./signInBridge";
import { SignInError } from "./signInError";
import { openSignInWindow, type SignInWindow } from "./signInWindow";
import { setSignInState } from "./signInState";

export interface SignInRequest {
  /** Omitted in managed mode: the gateway uses the admin's app. */
  country?: Country;
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
}

export interface SignInDeps {
  client?: GatewayClient;
  /** Opens the dialog or popup; must be called before the first await (popup blockers). */
  openWindow?: () => SignInWindow;
}

function toSignInError(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  if (error instanceof GatewayRequestError) return new SignInError(error.code, error.message);
  return new SignInError("internal_error", error instanceof Error ? error.message : String(error));
}

async function signInSteps(request: SignInRequest, signInWindow: SignInWindow, client: GatewayClient) {
  const loginSecret = newLoginSecret();
  const body: LoginRequest = { loginSecret };
  if (request.country) body.country = request.country;
  if (request.clientId) body.clientId = request.clientId;
  if (request.clientSecret) body.clientSecret = request.clientSecret;
  if (request.redirectUri) body.redirectUri = request.redirectUri;
  let login;
  try {
    login = await client.startLogin(body);
  } catch (error) {
    signInWindow.close();
    throw error;
  }
  // The window opens on the add-in's own bridge page, which goes on to the start URL (signInBridge.ts).
  const message = await signInWindow.run(signInPageUrl(login.startUrl, login.loginId));
  if (message.status === "error") {
    throw new SignInError(message.code ?? "internal_error", message.message ?? "Sign-in did not complete.");
  }
  if (message.loginId !== login.loginId) {
    throw new SignInError("login_mismatch", "The sign-in window answered for another sign-in.");
  }
  if (!message.completionCode) {
    throw new SignInError("bad_message", "The sign-in window sent an unexpected answer.");
  }
  const redeemed = await client.redeem(login.loginId, loginSecret, message.completionCode);
  await setSessionToken(redeemed.sessionToken);
  return redeemed.session;
}

/** Runs the whole flow; the outcome is also published as the sign-in state. */
export async function signInWithSettings(
  request: SignInRequest,
  deps: SignInDeps = {},
): Promise<SessionInfo> {
  const signInWindow = (deps.openWindow ?? (() => openSignInWindow(canOpenDialogs())))();
  setSignInState({ phase: "signing-in" });
  try {
    const session = await signInSteps(request, signInWindow, deps.client ?? dataServices().client);
    setSignInState({ phase: "signed-in", session });
    return session;
  } catch (error) {
    const failure = toSignInError(error);
    setSignInState({ phase: "failed", code: failure.code, message: failure.message });
    throw failure;
  }
}

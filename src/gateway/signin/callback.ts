/**
 * GET /auth/callback: Exact's redirect after consent. Checks the state (single use, bound to one login,
 * compared in constant time), exchanges the code, then reads current/Me and stores the user's token
 * chain (identity.ts). Whatever happens, the browser is sent to auth-complete.html with a status and a
 * clear message.
 */
import { constantTimeEqual, sha256 } from "../crypto/random";
import { GatewayError } from "../errors";
import type { LoginRecord } from "../store/types";
import { TokenEndpointError } from "../tokens/tokenEndpoint";
import { failure, identifyAndComplete, type SignInResult, type SignInServices } from "./identity";
import { MESSAGES } from "./messages";

export type CallbackResult = SignInResult;

/** Exact's redirect parameters, as sent: each is checked here before it is used. */
export interface CallbackQuery {
  code?: unknown;
  state?: unknown;
  error?: unknown;
  error_description?: unknown;
}

const STATE_FORMAT = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** Maps an OAuth error from Exact's redirect or token endpoint to a clear message. */
function oauthFailure(error: string, description: string, login: LoginRecord): CallbackResult {
  if (error === "access_denied") return failure("consent_denied", MESSAGES.consentDenied);
  if (/redirect/i.test(description) || error === "redirect_uri_mismatch") {
    return failure("redirect_uri_mismatch", MESSAGES.redirectUriMismatch(login.redirectUri));
  }
  if (["invalid_client", "invalid_request", "unauthorized_client"].includes(error)) {
    return failure("invalid_client", MESSAGES.invalidClient);
  }
  if (error === "invalid_grant") return failure("login_expired", MESSAGES.codeRejected);
  return failure(
    "exact_error",
    `Exact Online refused the sign-in (${error.slice(0, 60)}). Start the sign-in again.`,
  );
}

export async function handleCallback(
  services: SignInServices,
  query: CallbackQuery,
): Promise<{ loginId: string | null; result: CallbackResult }> {
  const stateText = typeof query.state === "string" ? query.state : "";
  const state = STATE_FORMAT.exec(stateText);
  if (!state) return { loginId: null, result: failure("state_mismatch", MESSAGES.stateMismatch) };
  const loginId = state[1];
  const login = await services.store.getLogin(loginId);
  const stateHash = sha256(stateText);
  if (!login || login.stateHash === null || !constantTimeEqual(login.stateHash, stateHash)) {
    return { loginId: login ? loginId : null, result: failure("state_mismatch", MESSAGES.stateMismatch) };
  }
  if (!(await services.store.claimLoginState(loginId, stateHash))) {
    return { loginId, result: failure("state_mismatch", MESSAGES.stateMismatch) };
  }
  const result = await completeLogin(services, login, query);
  if (result.status === "error") await services.store.failLogin(loginId, result.code, result.message);
  return { loginId, result };
}

async function completeLogin(
  services: SignInServices,
  login: LoginRecord,
  query: CallbackQuery,
): Promise<CallbackResult> {
  if (services.clock.now() > login.expiresAt) return failure("login_expired", MESSAGES.loginExpired);
  if (typeof query.error === "string" && query.error !== "") {
    return oauthFailure(query.error, String(query.error_description ?? ""), login);
  }
  if (typeof query.code !== "string" || query.code === "") {
    return failure("exact_error", "Exact Online answered without a sign-in code. Start the sign-in again.");
  }
  let tokens;
  try {
    tokens = await services.tokenEndpoint.request(services.exactHosts.baseUrlFor(login.country), {
      grant: "authorization_code",
      clientId: login.clientId,
      clientSecret: login.clientSecret,
      redirectUri: login.redirectUri,
      code: query.code,
    });
  } catch (error) {
    if (error instanceof TokenEndpointError) return oauthFailure(error.oauthError, error.description, login);
    if (error instanceof GatewayError) return failure(error.code, error.message);
    // Never a raw 500 in the sign-in window, and never a login left pending.
    return failure("internal_error", "The sign-in could not be finished. Start the sign-in again.");
  }
  // From here on the new tokens are kept whatever fails, so "Try again" needs no second consent.
  return identifyAndComplete(services, login, tokens);
}

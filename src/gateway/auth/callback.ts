/**
 * GET /auth/callback: Exact's redirect after consent. Checks the state (single use, bound to one login,
 * compared in constant time), exchanges the code, reads current/Me and stores the user's token chain.
 * Whatever happens, the browser is sent to auth-complete.html with a status and a clear message.
 */
import type { ErrorCode } from "../../shared/errors";
import { constantTimeEqual, randomSecret, sha256 } from "../crypto/random";
import { GatewayError } from "../errors";
import type { LoginRecord } from "../store/types";
import { ExactUnauthorizedError, TokenEndpointError } from "../tokens/exactOAuth";
import type { AuthServices } from "./authServices";
import { MESSAGES } from "./messages";

export type CallbackResult =
  { status: "ok"; completionCode: string } | { status: "error"; code: ErrorCode; message: string };

export interface CallbackQuery {
  code?: string;
  state?: string;
  error?: string;
  error_description?: string;
}

const STATE_FORMAT = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

function failure(code: ErrorCode, message: string): CallbackResult {
  return { status: "error", code, message };
}

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

/** Attempts at current/Me right after the code exchange: the code is spent, so a hiccup is worth retrying. */
const ME_ATTEMPTS = 3;

async function readMeAfterExchange(services: AuthServices, baseUrl: string, accessToken: string) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await services.oauth.readMe(baseUrl, accessToken);
    } catch (error) {
      const retryable =
        error instanceof GatewayError && ["exact_error", "exact_unavailable"].includes(error.code);
      if (!retryable || attempt >= ME_ATTEMPTS) {
        if (error instanceof GatewayError) {
          throw new GatewayError(
            error.status,
            error.code,
            `You signed in at Exact Online, but it did not say who you are (${error.message}) Start the sign-in again in a minute.`,
          );
        }
        throw error;
      }
      await services.clock.sleep(1000 * attempt);
    }
  }
}

export async function handleCallback(
  services: AuthServices,
  query: CallbackQuery,
): Promise<{ loginId: string | null; result: CallbackResult }> {
  const state = STATE_FORMAT.exec(typeof query.state === "string" ? query.state : "");
  if (!state) return { loginId: null, result: failure("state_mismatch", MESSAGES.stateMismatch) };
  const loginId = state[1];
  const login = await services.store.getLogin(loginId);
  const stateHash = sha256(query.state!);
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
  services: AuthServices,
  login: LoginRecord,
  query: CallbackQuery,
): Promise<CallbackResult> {
  const { clock, store, oauth } = services;
  if (clock.now() > login.expiresAt) return failure("login_expired", MESSAGES.loginExpired);
  if (typeof query.error === "string" && query.error !== "") {
    return oauthFailure(query.error, String(query.error_description ?? ""), login);
  }
  if (typeof query.code !== "string" || query.code === "") {
    return failure("exact_error", "Exact Online answered without a sign-in code. Start the sign-in again.");
  }
  try {
    const baseUrl = services.baseUrlFor(login.country);
    const tokens = await oauth.exchangeCode(baseUrl, {
      clientId: login.clientId,
      clientSecret: login.clientSecret,
      redirectUri: login.redirectUri,
      code: query.code,
    });
    const me = await readMeAfterExchange(services, baseUrl, tokens.accessToken);
    const chain = await store.upsertChain(
      {
        ...tokens,
        userId: me.user.id,
        clientId: login.clientId,
        country: login.country,
        clientSecret: login.clientSecret,
      },
      clock.now(),
    );
    const completionCode = randomSecret();
    await store.completeLogin(login.id, {
      chainId: chain.id,
      user: me.user,
      currentDivision: me.currentDivision,
      completionHash: sha256(completionCode),
    });
    return { status: "ok", completionCode };
  } catch (error) {
    if (error instanceof TokenEndpointError) return oauthFailure(error.oauthError, error.description, login);
    if (error instanceof GatewayError) return failure(error.code, error.message);
    if (error instanceof ExactUnauthorizedError) {
      return failure("exact_error", "Exact Online did not accept the new sign-in. Start the sign-in again.");
    }
    // Never a raw 500 in the sign-in window, and never a login left pending.
    return failure("internal_error", "The sign-in could not be finished. Start the sign-in again.");
  }
}

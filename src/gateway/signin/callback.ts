/**
 * GET /auth/callback: Exact's redirect after consent. Checks the state (single use, bound to one login,
 * compared in constant time), exchanges the code, reads current/Me and stores the user's token chain.
 * Whatever happens, the browser is sent to auth-complete.html with a status and a clear message.
 */
import type { ErrorCode } from "../../shared/errors";
import { constantTimeEqual, randomSecret, sha256 } from "../crypto/random";
import { clip, GatewayError } from "../errors";
import type { LoginRecord } from "../store/types";
import type { Clock } from "../../shared/clock";
import type { ExactClient } from "../exact/client";
import type { ExactHosts } from "../exact/hosts";
import { readCurrentUser, type CurrentUser } from "../exact/me";
import type { AuthStore } from "../store/types";
import { TokenEndpointError, type TokenEndpoint } from "../tokens/tokenEndpoint";
import { MESSAGES } from "./messages";

/** What the callback works with (the gateway's decorators). */
export interface CallbackServices {
  clock: Clock;
  store: AuthStore;
  tokenEndpoint: Pick<TokenEndpoint, "request">;
  exactHosts: ExactHosts;
  exact: { client: ExactClient };
}

const NEW_SIGN_IN_REFUSED = "Exact Online did not accept the new sign-in. Start the sign-in again.";

export type CallbackResult =
  { status: "ok"; completionCode: string } | { status: "error"; code: ErrorCode; message: string };

/** Exact's redirect parameters, as sent: each is checked here before it is used. */
export interface CallbackQuery {
  code?: unknown;
  state?: unknown;
  error?: unknown;
  error_description?: unknown;
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

/**
 * current/Me right after the code exchange, on the same road as every Exact call (budget, retries of
 * transient failures); no chain exists yet, so the fresh token is used as is.
 */
async function readMeAfterExchange(
  services: CallbackServices,
  login: LoginRecord,
  baseUrl: string,
  accessToken: string,
): Promise<CurrentUser> {
  try {
    return await readCurrentUser(services.exact.client, {
      chainId: `login:${login.id}`,
      clientId: login.clientId,
      exactBaseUrl: baseUrl,
      tokens: {
        getAccessToken: async () => accessToken,
        refreshAfterUnauthorized: async () => {
          throw new GatewayError(401, "reauth_required", NEW_SIGN_IN_REFUSED);
        },
      },
    });
  } catch (error) {
    // A 401 to a token issued a moment ago is Exact's refusal, not an ended session.
    if (error instanceof GatewayError && error.code === "reauth_required") {
      throw new GatewayError(502, "exact_error", NEW_SIGN_IN_REFUSED);
    }
    if (!(error instanceof GatewayError)) throw error;
    throw new GatewayError(
      error.status,
      error.code,
      clip(
        `You signed in at Exact Online, but it did not say who you are (${error.message}) Start the sign-in again in a minute.`,
      ),
    );
  }
}

export async function handleCallback(
  services: CallbackServices,
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
  services: CallbackServices,
  login: LoginRecord,
  query: CallbackQuery,
): Promise<CallbackResult> {
  const { clock, store } = services;
  if (clock.now() > login.expiresAt) return failure("login_expired", MESSAGES.loginExpired);
  if (typeof query.error === "string" && query.error !== "") {
    return oauthFailure(query.error, String(query.error_description ?? ""), login);
  }
  if (typeof query.code !== "string" || query.code === "") {
    return failure("exact_error", "Exact Online answered without a sign-in code. Start the sign-in again.");
  }
  try {
    const baseUrl = services.exactHosts.baseUrlFor(login.country);
    const tokens = await services.tokenEndpoint.request(baseUrl, {
      grant: "authorization_code",
      clientId: login.clientId,
      clientSecret: login.clientSecret,
      redirectUri: login.redirectUri,
      code: query.code,
    });
    const me = await readMeAfterExchange(services, login, baseUrl, tokens.accessToken);
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
    // Never a raw 500 in the sign-in window, and never a login left pending.
    return failure("internal_error", "The sign-in could not be finished. Start the sign-in again.");
  }
}

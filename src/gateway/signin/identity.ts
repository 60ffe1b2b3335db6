/**
 * After the code exchange: read who signed in (current/Me) with the new tokens and store the chain.
 * When that read fails (Exact down, an unreadable answer), the new tokens are kept on the login,
 * encrypted like a chain's, and the sign-in window offers "Try again": the read is retried with them
 * (refreshed by the tokens service when due, like a chain's), never with a second consent. No chain is
 * touched until the user is known, so a failed read never marks a chain dead.
 */
import type { ErrorCode } from "../../shared/errors";
import type { Clock } from "../../shared/clock";
import { constantTimeEqual, randomSecret, sha256 } from "../crypto/random";
import { clip, GatewayError } from "../errors";
import type { ExactClient } from "../exact/client";
import type { ExactHosts } from "../exact/hosts";
import { readCurrentUser, type CurrentUser } from "../exact/me";
import type { AuthStore, ChainTokens, LoginRecord } from "../store/types";
import type { ChainTokenService } from "../tokens/chainTokens";
import type { TokenEndpoint } from "../tokens/tokenEndpoint";
import { loginNotFound, MESSAGES } from "./messages";

/** What the sign-in steps work with (the gateway's decorators). */
export interface SignInServices {
  clock: Clock;
  store: AuthStore;
  /** The code exchange (refreshes go through `tokens`). */
  tokenEndpoint: Pick<TokenEndpoint, "request">;
  /** The one lock and refresh of every token: the login's lock and its kept tokens' refresh. */
  tokens: Pick<ChainTokenService, "exclusive" | "freshKept">;
  exactHosts: ExactHosts;
  exact: { client: ExactClient };
}

/** ok: redeemable; retry: tokens kept, the window offers "Try again"; error: start the sign-in again. */
export type SignInResult =
  | { status: "ok"; completionCode: string }
  | { status: "retry"; code: ErrorCode; message: string; completionCode: string }
  | { status: "error"; code: ErrorCode; message: string };

const NEW_SIGN_IN_REFUSED = "Exact Online did not accept the new sign-in. Start the sign-in again.";
const LOGIN_ENDED = "This sign-in has ended. Start the sign-in again.";
const KEPT_TOKENS_ENDED =
  "Exact Online no longer accepts this sign-in (it may have been replaced). Start the sign-in again.";

/** Exact refused the fresh token itself: retrying with it cannot help. */
class TokenRefused extends Error {}

export const failure = (code: ErrorCode, message: string): SignInResult => ({
  status: "error",
  code,
  message,
});

/**
 * current/Me on the same road as every Exact call (budget, retries of transient failures); no chain
 * exists yet, so the token is used as is.
 */
async function readMe(
  services: SignInServices,
  login: LoginRecord,
  accessToken: string,
): Promise<CurrentUser> {
  try {
    return await readCurrentUser(services.exact.client, {
      chainId: `login:${login.id}`,
      clientId: login.clientId,
      exactBaseUrl: services.exactHosts.baseUrlFor(login.country),
      tokens: {
        getAccessToken: async () => accessToken,
        refreshAfterUnauthorized: async () => {
          throw new TokenRefused();
        },
      },
    });
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    throw new GatewayError(
      error.status,
      error.code,
      clip(
        `You signed in at Exact Online, but it did not say who you are (${error.message}) Try again in a minute.`,
      ),
    );
  }
}

/**
 * Reads the identity with `tokens` and completes the login (same user → same chain, as every sign-in).
 * Any failure but a refused token keeps the tokens on the login for a retry.
 */
export async function identifyAndComplete(
  services: SignInServices,
  login: LoginRecord,
  tokens: ChainTokens,
  completionCode = randomSecret(),
): Promise<SignInResult> {
  const { store, clock } = services;
  const completionHash = sha256(completionCode);
  try {
    const me = await readMe(services, login, tokens.accessToken);
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
    await store.completeLogin(login.id, {
      chainId: chain.id,
      user: me.user,
      currentDivision: me.currentDivision,
      completionHash,
    });
    return { status: "ok", completionCode };
  } catch (error) {
    // A 401 to a token issued a moment ago is Exact's refusal, not an ended session.
    if (error instanceof TokenRefused) return failure("exact_error", NEW_SIGN_IN_REFUSED);
    const reason =
      error instanceof GatewayError
        ? { code: error.code, message: error.message }
        : { code: "internal_error" as const, message: "The sign-in could not be finished. Try again." };
    const kept = await store.keepLoginTokens(login.id, {
      tokens,
      errorCode: reason.code,
      errorMessage: reason.message,
      completionHash,
    });
    if (!kept) return failure("login_expired", LOGIN_ENDED);
    return { status: "retry", ...reason, completionCode };
  }
}

/**
 * "Try again" from the sign-in window: the identity read once more with the kept tokens. Runs under
 * the login's lock (the tokens service's, shared by instances), so a refresh token is never used twice.
 */
export async function retryIdentity(
  services: SignInServices,
  loginId: string,
  completionCode: string,
): Promise<SignInResult> {
  return services.tokens.exclusive(`login:${loginId}`, async () => {
    // Read under the lock: another retry may have finished or rotated the tokens meanwhile.
    const login = await services.store.getLogin(loginId);
    if (!login) throw loginNotFound();
    // Only the window that ran the sign-in received this code.
    if (!login.completionHash || !constantTimeEqual(login.completionHash, sha256(completionCode))) {
      throw new GatewayError(403, "wrong_login_secret", MESSAGES.wrongCompletionCode);
    }
    if (services.clock.now() > login.expiresAt) return failure("login_expired", MESSAGES.loginExpired);
    // A retry that an earlier (concurrent) one already finished: the same answer again.
    if (login.status === "completed") return { status: "ok", completionCode };
    if (!login.keptTokens || login.status !== "pending") return failure("login_expired", LOGIN_ENDED);
    let tokens: ChainTokens | null;
    try {
      tokens = await services.tokens.freshKept({
        tokens: login.keptTokens,
        country: login.country,
        clientId: login.clientId,
        clientSecret: login.clientSecret,
        // Rotated tokens are stored before they are used, with the login's outcome as it was.
        keep: (rotated) =>
          services.store.keepLoginTokens(loginId, {
            tokens: rotated,
            errorCode: login.errorCode ?? "exact_unavailable",
            errorMessage: login.errorMessage ?? "",
            completionHash: login.completionHash ?? "",
          }),
      });
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
      return { status: "retry", code: error.code, message: error.message, completionCode };
    }
    if (!tokens) {
      await services.store.failLogin(loginId, "login_expired", KEPT_TOKENS_ENDED);
      return failure("login_expired", KEPT_TOKENS_ENDED);
    }
    return identifyAndComplete(services, login, tokens, completionCode);
  });
}

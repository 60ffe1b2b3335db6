/**
 * POST /auth/logins/:id/redeem: a completed login becomes a session, once. The task pane proves it
 * started the login (its login secret) and that its own window finished it (the completion code the
 * callback handed that window); every other state of the login has its own clear answer.
 */
import type { RedeemRequest, RedeemResponse } from "../../shared/api/auth";
import type { Clock } from "../../shared/clock";
import { ERROR_CODES } from "../../shared/errors";
import { constantTimeEqual, randomId, randomSecret, sha256 } from "../crypto/random";
import { GatewayError } from "../errors";
import { sessionInfo } from "../sessions/sessionInfo";
import type { AuthStore, LoginRecord } from "../store/types";
import { readCompletionCode } from "./loginRequest";
import { loginExpired, loginNotFound, MESSAGES } from "./messages";

/** The completed login's chain and user, or the clear error why it cannot be redeemed now. */
function redeemable(
  login: LoginRecord,
  body: RedeemRequest,
  now: number,
): { chainId: string; user: NonNullable<LoginRecord["user"]> } {
  if (!constantTimeEqual(login.secretHash, sha256(body.loginSecret))) {
    throw new GatewayError(403, "wrong_login_secret", MESSAGES.wrongLoginSecret);
  }
  if (login.status === "redeemed") {
    throw new GatewayError(409, "login_already_redeemed", MESSAGES.alreadyRedeemed);
  }
  if (now > login.expiresAt) throw loginExpired();
  // Failed, or tokens kept after a failed identity read (the sign-in window offers "Try again").
  if (login.status === "failed" || (login.status === "pending" && login.errorCode)) {
    const code = ERROR_CODES.find((known) => known === login.errorCode) ?? "internal_error";
    throw new GatewayError(400, code, login.errorMessage ?? MESSAGES.loginExpired);
  }
  const { chainId, user } = login;
  if (login.status === "pending" || !chainId || !user) {
    throw new GatewayError(409, "login_pending", MESSAGES.pending);
  }
  // Only the window that ran the sign-in received this code (auth-complete.html → its opener).
  const completionCode = readCompletionCode(body.completionCode);
  if (
    !completionCode ||
    !login.completionHash ||
    !constantTimeEqual(login.completionHash, sha256(completionCode))
  ) {
    throw new GatewayError(403, "wrong_login_secret", MESSAGES.wrongCompletionCode);
  }
  return { chainId, user };
}

export async function redeemLogin(
  services: { store: AuthStore; clock: Clock },
  login: LoginRecord | null,
  body: RedeemRequest,
): Promise<RedeemResponse> {
  if (!login) throw loginNotFound();
  const { chainId, user } = redeemable(login, body, services.clock.now());
  const sessionToken = randomSecret();
  const now = services.clock.now();
  const session = {
    id: randomId(),
    tokenHash: sha256(sessionToken),
    chainId,
    user,
    country: login.country,
    clientId: login.clientId,
    currentDivision: login.currentDivision,
    managed: login.managed,
    createdAt: now,
    lastUsedAt: now,
  };
  if (!(await services.store.redeemLogin(login.id, session))) {
    throw new GatewayError(409, "login_already_redeemed", MESSAGES.alreadyRedeemed);
  }
  return { sessionToken, session: sessionInfo(session) };
}

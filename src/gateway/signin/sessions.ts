/**
 * `Authorization: Bearer <session token>` → the session (looked up by the token's SHA-256). Sessions
 * are bearer tokens, not cookies, because Excel on the web runs the add-in in a third-party frame.
 */
import type { Clock } from "../../shared/clock";
import type { SessionContext } from "../contracts";
import { sha256 } from "../crypto/random";
import { GatewayError } from "../errors";
import type { ExactHosts } from "../exact/hosts";
import type { AuthStore, SessionRecord } from "../store/types";
import { reauthRequired } from "../tokens/chainTokens";
import { MESSAGES } from "./messages";
import { isSessionExpired, sessionExpiredError, type SessionLifetime } from "./sessionLifetime";

/** Session tokens are 43 base64url characters; anything else is not one of ours. */
const TOKEN_FORMAT = /^Bearer ([A-Za-z0-9_-]{43})$/;
/** Write last-used at most once a minute per session. */
const TOUCH_INTERVAL_MS = 60_000;

export class SessionResolver {
  constructor(
    private readonly store: AuthStore,
    private readonly clock: Clock,
    private readonly hosts: ExactHosts,
    private readonly lifetime: SessionLifetime,
  ) {}

  /** The session record behind an Authorization header, or 401 not_signed_in / reauth_required. */
  async record(authorization: string | undefined): Promise<SessionRecord> {
    return (await this.find(authorization)).session;
  }

  /** One store read per request: the session with its chain's status, never cached in memory (a sign-out
   * on any instance must take effect on the next request everywhere). */
  private async find(
    authorization: string | undefined,
  ): Promise<{ session: SessionRecord; chainLive: boolean }> {
    const match = TOKEN_FORMAT.exec(authorization?.trim() ?? "");
    if (!match) throw new GatewayError(401, "not_signed_in", MESSAGES.notSignedIn);
    const found = await this.store.getSessionWithChain(sha256(match[1]));
    if (!found) throw new GatewayError(401, "not_signed_in", MESSAGES.notSignedIn);
    if (isSessionExpired(found.session, this.lifetime, this.clock.now())) {
      await this.store.deleteSession(found.session.id);
      throw sessionExpiredError();
    }
    return found;
  }

  async resolve(authorization: string | undefined): Promise<SessionContext> {
    return (await this.lookup(authorization)).context;
  }

  /** The session record and its context; the chain must still be alive. */
  async lookup(
    authorization: string | undefined,
  ): Promise<{ record: SessionRecord; context: SessionContext }> {
    const { session, chainLive } = await this.find(authorization);
    if (!chainLive) throw reauthRequired();
    const now = this.clock.now();
    if (now - session.lastUsedAt > TOUCH_INTERVAL_MS) await this.store.touchSession(session.id, now);
    const context: SessionContext = {
      sessionId: session.id,
      userId: session.user.id,
      userName: session.user.userName,
      chainId: session.chainId,
      clientId: session.clientId,
      country: session.country,
      exactBaseUrl: this.hosts.baseUrlFor(session.country),
      currentDivision: session.currentDivision,
    };
    return { record: session, context };
  }
}

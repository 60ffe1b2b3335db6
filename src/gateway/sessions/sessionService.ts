/**
 * Sessions: the Bearer token of a request → its session, read from the store once per request (the
 * rate limit, a route's hook and its handler share that read) and never cached beyond it (a sign-out on
 * any instance takes effect on the next request everywhere). Also the session check the task pane
 * makes (GET /auth/session) and sign-out.
 */
import type { FastifyRequest } from "fastify";
import type { SessionInfo } from "../../shared/api";
import type { Clock } from "../../shared/clock";
import { SIGN_IN_MESSAGE } from "../../shared/rules/signInMessage";
import type { SessionContext } from "../contracts";
import { sha256 } from "../crypto/random";
import { GatewayError } from "../errors";
import type { ExactHosts } from "../exact/hosts";
import type { CurrentUserReader } from "../exact/me";
import type { AuthStore, SessionRecord } from "../store/types";
import { reauthRequired, type ChainTokenService } from "../tokens/chainTokens";
import { bearerToken } from "./bearer";
import { isSessionExpired, sessionExpiredError, type SessionLifetime } from "./lifetime";
import { sessionInfo } from "./sessionInfo";

/** A stored session as the request's token finds it, before any check (lifetime, chain). */
export interface StoredSession {
  session: SessionRecord;
  chainLive: boolean;
}

/** What resolving reads from a request (its Authorization header) and where it keeps the one store read. */
export interface SessionRequest {
  headers: { authorization?: string };
  eolStoredSession: Promise<StoredSession | null> | null;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The store read behind this request's Bearer token, made at most once (see SessionService.stored). */
    eolStoredSession: Promise<StoredSession | null> | null;
  }
}

/** Write last-used at most once a minute per session. */
const TOUCH_INTERVAL_MS = 60_000;
/** Exact being away or busy does not end the session: the check then answers what it knows. */
const EXACT_AWAY = ["exact_unavailable", "exact_error", "daily_limit_reached"];

export const notSignedIn = (): GatewayError => new GatewayError(401, "not_signed_in", SIGN_IN_MESSAGE);

export interface SessionServiceOptions {
  store: AuthStore;
  clock: Clock;
  hosts: ExactHosts;
  lifetime: SessionLifetime;
  tokens: Pick<ChainTokenService, "getAccessToken">;
  currentUser: Pick<CurrentUserReader, "read">;
}

export class SessionService {
  constructor(private readonly options: SessionServiceOptions) {}

  /** The stored session behind the request's token (null: none), read from the store once per request. */
  stored(request: SessionRequest): Promise<StoredSession | null> {
    request.eolStoredSession ??= this.read(request.headers.authorization);
    return request.eolStoredSession;
  }

  /**
   * Whom the /auth rate limit counts: a caller with a session that exists by that session, so many
   * users behind one proxy or office NAT do not share one budget; everyone else by client address
   * (request.ip, which honours EOL_TRUST_PROXY). Unknown tokens count against the address, so
   * inventing tokens does not escape the limit.
   */
  readonly rateLimitKey = async (request: FastifyRequest): Promise<string> => {
    const found = await this.stored(request);
    return found ? `session:${found.session.tokenHash}` : `ip:${request.ip}`;
  };

  /** The caller's session record, or 401 not_signed_in / session_expired (an expired one is deleted). */
  async record(request: SessionRequest): Promise<SessionRecord> {
    return (await this.checked(request)).session;
  }

  /** The signed-in caller of a data route: a live session on a live chain, or a 401 saying which. */
  async resolve(request: SessionRequest): Promise<SessionContext> {
    return (await this.lookup(request)).context;
  }

  /** GET /auth/session: the session with Exact's live current division (through the chain, so a dead
   * chain shows now and the token stays fresh). */
  async check(request: SessionRequest): Promise<SessionInfo> {
    const { record, context } = await this.lookup(request);
    try {
      await this.options.tokens.getAccessToken(context.chainId);
      const me = await this.options.currentUser.read(context);
      return sessionInfo(record, me.currentDivision);
    } catch (error) {
      if (error instanceof GatewayError && EXACT_AWAY.includes(error.code)) return sessionInfo(record);
      throw error;
    }
  }

  /** Sign-out: this session, or every session of its token chain (`all`). */
  async signOut(request: SessionRequest, all: boolean): Promise<void> {
    const session = await this.record(request);
    if (all) await this.options.store.deleteSessionsOfChain(session.chainId);
    else await this.options.store.deleteSession(session.id);
  }

  private async read(authorization: string | undefined): Promise<StoredSession | null> {
    const token = bearerToken(authorization);
    return token === null ? null : this.options.store.getSessionWithChain(sha256(token));
  }

  private async checked(request: SessionRequest): Promise<StoredSession> {
    const found = await this.stored(request);
    if (!found) throw notSignedIn();
    if (isSessionExpired(found.session, this.options.lifetime, this.options.clock.now())) {
      await this.options.store.deleteSession(found.session.id);
      throw sessionExpiredError();
    }
    return found;
  }

  /** The session record and its context; the chain must still be alive. */
  private async lookup(request: SessionRequest): Promise<{ record: SessionRecord; context: SessionContext }> {
    const { session, chainLive } = await this.checked(request);
    if (!chainLive) throw reauthRequired();
    const { store, clock, hosts } = this.options;
    const now = clock.now();
    if (now - session.lastUsedAt > TOUCH_INTERVAL_MS) await store.touchSession(session.id, now);
    const context: SessionContext = {
      sessionId: session.id,
      userId: session.user.id,
      userName: session.user.userName,
      fullName: session.user.fullName,
      chainId: session.chainId,
      clientId: session.clientId,
      country: session.country,
      exactBaseUrl: hosts.baseUrlFor(session.country),
      currentDivision: session.currentDivision,
    };
    return { record: session, context };
  }
}

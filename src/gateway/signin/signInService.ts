/**
 * The sign-in flow as one service: create a login, start it (→ Exact), Exact's callback, "Try again"
 * (identify) and redeem for a session; plus what the task pane needs to offer a sign-in (config). The
 * routes in routes/auth/ are a schema and one call each.
 */
import type { FastifyBaseLogger } from "fastify";
import type {
  AuthConfig,
  LoginRequest,
  LoginStarted,
  RedeemRequest,
  RedeemResponse,
} from "../../shared/api/auth";
import type { Clock } from "../../shared/clock";
import { COUNTRIES, type Country } from "../../shared/countries";
import type { ErrorCode } from "../../shared/errors";
import type { GatewayConfig } from "../config/config";
import { randomId, randomSecret, sha256 } from "../crypto/random";
import type { ExactClient } from "../exact/client";
import type { ExactHosts } from "../exact/hosts";
import { NEW_LOGIN_OUTCOME, type AuthStore } from "../store/types";
import type { ChainTokenService } from "../tokens/chainTokens";
import { authorizeUrl, type TokenEndpoint } from "../tokens/tokenEndpoint";
import { handleCallback, type CallbackQuery } from "./callback";
import { completionUrl } from "./completion";
import { retryIdentity, type SignInResult, type SignInServices } from "./identity";
import { readLoginRequest } from "./loginRequest";
import { LOGIN_TTL_MS, loginNotFound, MESSAGES } from "./messages";
import { probeAppSettings } from "./probeApp";
import { redeemLogin } from "./redeem";

const LOGIN_ID = /^[A-Za-z0-9_-]{22}$/;

export interface SignInOptions {
  config: Pick<GatewayConfig, "publicUrl" | "managedApp" | "allowedRedirectUris">;
  clock: Clock;
  store: AuthStore;
  exactHosts: ExactHosts;
  tokenEndpoint: Pick<TokenEndpoint, "request">;
  tokens: Pick<ChainTokenService, "exclusive" | "freshKept">;
  exact: { client: ExactClient };
  /** Credentials of the simulator's built-in demo app (null when the demo is off). */
  demoApp: { clientId: string; clientSecret: string } | null;
}

export class SignInService {
  /** This gateway's /auth/callback, the default redirect URI. */
  readonly callbackUrl: string;
  /** Countries this gateway accepts ("demo" only while the simulator runs). */
  readonly countries: Country[];
  private readonly steps: SignInServices;

  constructor(private readonly options: SignInOptions) {
    this.callbackUrl = `${options.config.publicUrl}/auth/callback`;
    this.countries = COUNTRIES.filter((country) => country !== "demo" || options.demoApp !== null);
    const { clock, store, tokenEndpoint, tokens, exactHosts, exact } = options;
    this.steps = { clock, store, tokenEndpoint, tokens, exactHosts, exact };
  }

  /** GET /auth/config: how the task pane offers a sign-in here. */
  config(): AuthConfig {
    const managed = this.options.config.managedApp;
    return {
      managed: managed !== null,
      ...(managed ? { country: managed.country } : {}),
      redirectUri: managed?.redirectUri ?? this.callbackUrl,
      countries: this.countries,
    };
  }

  /** POST /auth/logins: the app settings checked (with Exact's authorize page too), a login stored. */
  async create(body: LoginRequest): Promise<LoginStarted> {
    const { config, clock, store, exactHosts, demoApp } = this.options;
    const settings = readLoginRequest(body, {
      managedApp: config.managedApp,
      countries: this.countries,
      callbackUrl: this.callbackUrl,
      allowedRedirectUris: config.allowedRedirectUris,
      demoApp,
    });
    await probeAppSettings(exactHosts, exactHosts.baseUrlFor(settings.country), settings);
    const now = clock.now();
    const id = randomId();
    await store.deleteExpiredLogins(now);
    await store.createLogin({
      id,
      secretHash: sha256(settings.loginSecret),
      country: settings.country,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      redirectUri: settings.redirectUri,
      managed: settings.managed,
      ...NEW_LOGIN_OUTCOME,
      createdAt: now,
      expiresAt: now + LOGIN_TTL_MS,
    });
    return {
      loginId: id,
      startUrl: `${config.publicUrl}/auth/logins/${id}/start`,
      expiresAt: new Date(now + LOGIN_TTL_MS).toISOString(),
    };
  }

  /**
   * GET /auth/logins/:id/start, the sign-in window's first page: where to send it — on to Exact with a
   * fresh single-use state bound to this login, or to the completion page saying why not.
   */
  async start(id: string): Promise<string> {
    const { clock, store, exactHosts } = this.options;
    const login = LOGIN_ID.test(id) ? await store.getLogin(id) : null;
    const fail = (code: ErrorCode, message: string) =>
      completionUrl({ status: "error", code, message }, login ? id : null);
    if (!login) return fail("login_not_found", MESSAGES.loginNotFound);
    if (login.status === "completed" || login.status === "redeemed") {
      return fail("login_already_redeemed", MESSAGES.alreadyRedeemed);
    }
    if (login.status === "failed") return fail("login_expired", MESSAGES.loginFailed);
    if (clock.now() > login.expiresAt) return fail("login_expired", MESSAGES.loginExpired);
    const state = `${id}.${randomSecret()}`;
    if (!(await store.setLoginState(id, sha256(state)))) return fail("login_expired", MESSAGES.loginExpired);
    return authorizeUrl(exactHosts, exactHosts.signInBaseUrlFor(login.country), {
      clientId: login.clientId,
      redirectUri: login.redirectUri,
      state,
    });
  }

  /** GET /auth/callback, Exact's redirect after consent: where the sign-in window goes next. */
  async callback(query: CallbackQuery, log: FastifyBaseLogger): Promise<string> {
    const { loginId, result } = await handleCallback(this.steps, query);
    logFailure(log, loginId, result);
    return completionUrl(result, loginId);
  }

  /** POST /auth/logins/:id/identify, "Try again": the identity read once more with the kept tokens. */
  async identify(id: string, completionCode: string, log: FastifyBaseLogger): Promise<{ location: string }> {
    if (!LOGIN_ID.test(id)) throw loginNotFound();
    const result = await retryIdentity(this.steps, id, completionCode);
    logFailure(log, id, result);
    return { location: completionUrl(result, id) };
  }

  /** POST /auth/logins/:id/redeem: the completed login becomes a session, once. */
  async redeem(id: string, body: RedeemRequest): Promise<RedeemResponse> {
    const login = LOGIN_ID.test(id) ? await this.options.store.getLogin(id) : null;
    return redeemLogin(this.options, login, body);
  }
}

function logFailure(log: FastifyBaseLogger, loginId: string | null, result: SignInResult): void {
  if (result.status === "error") log.info({ loginId, errorCode: result.code }, "sign-in failed");
}

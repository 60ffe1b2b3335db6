/** The sign-in flow: create a login, start it (→ Exact), Exact's callback, and redeem it for a session. */
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { ERROR_CODES, type ErrorCode } from "../../../shared/errors";
import { constantTimeEqual, randomId, randomSecret, sha256 } from "../../crypto/random";
import { GatewayError } from "../../errors";
import { handleCallback } from "../../signin/callback";
import { completionUrl } from "../../signin/completion";
import { retryIdentity, type SignInServices } from "../../signin/identity";
import { readCompletionCode, readLoginRequest } from "../../signin/loginRequest";
import { LOGIN_TTL_MS, loginExpired, loginNotFound, MESSAGES } from "../../signin/messages";
import { probeAppSettings } from "../../signin/probeApp";
import { sessionInfo } from "../../signin/sessionInfo";
import {
  IdentifyRequest,
  IdentifyResponse,
  LoginRequest,
  LoginStarted,
  RedeemRequest,
  RedeemResponse,
} from "../../../shared/api/auth";
import { ERROR_ANSWERS } from "../../schemas/answers";
import { CallbackQuery, LoginParams } from "../../schemas/requests";
import { chainLockFor } from "../../tokens/chainLock";
import { authorizeUrl } from "../../tokens/tokenEndpoint";
import { NEW_LOGIN_OUTCOME } from "../../store/types";

const LOGIN_ID = /^[A-Za-z0-9_-]{22}$/;

const signInServices = (app: FastifyInstance): SignInServices => ({
  clock: app.clock,
  store: app.store,
  tokenEndpoint: app.tokenEndpoint,
  exactHosts: app.exactHosts,
  exact: app.exact,
});

const loginRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, clock, config, signIn, exactHosts } = app;
  // Retries of one login's identity read queue here (and across instances on PostgreSQL).
  const loginLock = chainLockFor(store);

  app.post(
    "/logins",
    { schema: { body: LoginRequest, response: { 201: LoginStarted, ...ERROR_ANSWERS } } },
    async (request, reply) => {
      const settings = readLoginRequest(request.body, {
        managedApp: config.managedApp,
        countries: signIn.countries,
        callbackUrl: signIn.callbackUrl,
        allowedRedirectUris: config.allowedRedirectUris,
        demoApp: signIn.demoApp,
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
      const started: LoginStarted = {
        loginId: id,
        startUrl: `${config.publicUrl}/auth/logins/${id}/start`,
        expiresAt: new Date(now + LOGIN_TTL_MS).toISOString(),
      };
      return reply.status(201).send(started);
    },
  );

  // The dialog's first page: a fresh single-use state bound to this login, then on to Exact.
  app.get("/logins/:id/start", { schema: { params: LoginParams } }, async (request, reply) => {
    const { id } = request.params;
    const login = LOGIN_ID.test(id) ? await store.getLogin(id) : null;
    const fail = (code: ErrorCode, message: string) =>
      reply.redirect(completionUrl({ status: "error", code, message }, login ? id : null));
    if (!login) return fail("login_not_found", MESSAGES.loginNotFound);
    if (login.status === "completed" || login.status === "redeemed") {
      return fail("login_already_redeemed", MESSAGES.alreadyRedeemed);
    }
    if (login.status === "failed") return fail("login_expired", MESSAGES.loginFailed);
    if (clock.now() > login.expiresAt) return fail("login_expired", MESSAGES.loginExpired);
    const state = `${id}.${randomSecret()}`;
    if (!(await store.setLoginState(id, sha256(state)))) return fail("login_expired", MESSAGES.loginExpired);
    reply.header("cache-control", "no-store");
    return reply.redirect(
      authorizeUrl(exactHosts, exactHosts.signInBaseUrlFor(login.country), {
        clientId: login.clientId,
        redirectUri: login.redirectUri,
        state,
      }),
    );
  });

  app.get("/callback", { schema: { querystring: CallbackQuery } }, async (request, reply) => {
    const { loginId, result } = await handleCallback(signInServices(app), request.query);
    if (result.status === "error") request.log.info({ loginId, errorCode: result.code }, "sign-in failed");
    reply.header("cache-control", "no-store");
    return reply.redirect(completionUrl(result, loginId));
  });

  // "Try again" on the completion page: the identity read once more with the tokens the callback kept.
  app.post(
    "/logins/:id/identify",
    {
      schema: {
        params: LoginParams,
        body: IdentifyRequest,
        response: { 200: IdentifyResponse, ...ERROR_ANSWERS },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!LOGIN_ID.test(id)) throw loginNotFound();
      const services = { ...signInServices(app), lock: loginLock };
      const result = await retryIdentity(services, id, request.body.completionCode);
      if (result.status === "error")
        request.log.info({ loginId: id, errorCode: result.code }, "sign-in failed");
      reply.header("cache-control", "no-store");
      return { location: completionUrl(result, id) };
    },
  );

  app.post(
    "/logins/:id/redeem",
    {
      schema: {
        params: LoginParams,
        body: RedeemRequest,
        response: { 200: RedeemResponse, ...ERROR_ANSWERS },
      },
    },
    async (request, reply) => {
      const { loginSecret } = request.body;
      const completionCode = readCompletionCode(request.body.completionCode);
      const { id } = request.params;
      const login = LOGIN_ID.test(id) ? await store.getLogin(id) : null;
      if (!login) throw loginNotFound();
      if (!constantTimeEqual(login.secretHash, sha256(loginSecret))) {
        throw new GatewayError(403, "wrong_login_secret", MESSAGES.wrongLoginSecret);
      }
      if (login.status === "redeemed")
        throw new GatewayError(409, "login_already_redeemed", MESSAGES.alreadyRedeemed);
      if (clock.now() > login.expiresAt) throw loginExpired();
      // Failed, or tokens kept after a failed identity read (the sign-in window offers "Try again").
      if (login.status === "failed" || (login.status === "pending" && login.errorCode)) {
        const code = ERROR_CODES.find((known) => known === login.errorCode) ?? "internal_error";
        throw new GatewayError(400, code, login.errorMessage ?? MESSAGES.loginExpired);
      }
      if (login.status === "pending" || !login.chainId || !login.user) {
        throw new GatewayError(409, "login_pending", MESSAGES.pending);
      }
      // Only the window that ran the sign-in received this code (auth-complete.html → its opener).
      if (
        !completionCode ||
        !login.completionHash ||
        !constantTimeEqual(login.completionHash, sha256(completionCode))
      ) {
        throw new GatewayError(403, "wrong_login_secret", MESSAGES.wrongCompletionCode);
      }
      const sessionToken = randomSecret();
      const now = clock.now();
      const session = {
        id: randomId(),
        tokenHash: sha256(sessionToken),
        chainId: login.chainId,
        user: login.user,
        country: login.country,
        clientId: login.clientId,
        currentDivision: login.currentDivision,
        managed: login.managed,
        createdAt: now,
        lastUsedAt: now,
      };
      if (!(await store.redeemLogin(id, session))) {
        throw new GatewayError(409, "login_already_redeemed", MESSAGES.alreadyRedeemed);
      }
      const body: RedeemResponse = { sessionToken, session: sessionInfo(session) };
      reply.header("cache-control", "no-store");
      return body;
    },
  );
};

export default loginRoutes;

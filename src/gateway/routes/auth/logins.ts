/** The sign-in flow: create a login, start it (→ Exact), Exact's callback, "Try again", and redeem. */
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
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

const loginRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { signIn } = app;

  app.post(
    "/logins",
    { schema: { body: LoginRequest, response: { 201: LoginStarted, ...ERROR_ANSWERS } } },
    async (request, reply) => reply.status(201).send(await signIn.create(request.body)),
  );

  // The sign-in window's pages: redirects, never kept by a cache.
  app.get("/logins/:id/start", { schema: { params: LoginParams } }, async (request, reply) =>
    reply.header("cache-control", "no-store").redirect(await signIn.start(request.params.id)),
  );

  app.get("/callback", { schema: { querystring: CallbackQuery } }, async (request, reply) =>
    reply.header("cache-control", "no-store").redirect(await signIn.callback(request.query, request.log)),
  );

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
      reply.header("cache-control", "no-store");
      return signIn.identify(request.params.id, request.body.completionCode, request.log);
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
      reply.header("cache-control", "no-store");
      return signIn.redeem(request.params.id, request.body);
    },
  );
};

export default loginRoutes;

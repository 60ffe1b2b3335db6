/** GET /auth/config, GET /auth/session (live current division from Exact) and DELETE /auth/session. */
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { AuthConfig, SessionInfo } from "../../../shared/api/auth";
import { ERROR_ANSWERS, NoContent } from "../../schemas/answers";
import { SignOutQuery } from "../../schemas/requests";

const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { signIn, sessions } = app;

  app.get("/config", { schema: { response: { 200: AuthConfig } } }, async () => signIn.config());

  app.get(
    "/session",
    { schema: { response: { 200: SessionInfo, ...ERROR_ANSWERS } } },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return sessions.check(request);
    },
  );

  app.delete(
    "/session",
    {
      // The session first: a caller without one hears "not signed in", not which parameters exist.
      onRequest: async (request) => {
        await sessions.record(request);
      },
      schema: { querystring: SignOutQuery, response: { 204: NoContent, ...ERROR_ANSWERS } },
    },
    async (request, reply) => {
      await sessions.signOut(request, request.query.all === "true");
      return reply.status(204).send(null);
    },
  );
};

export default sessionRoutes;

/** GET /auth/config, GET /auth/session (live current division from Exact) and DELETE /auth/session. */
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { GatewayError } from "../../errors";
import { ERROR_ANSWERS, NoContent } from "../../schemas/answers";
import { AuthConfig, SessionInfo } from "../../../shared/api/auth";
import { SignOutQuery } from "../../schemas/requests";
import { MESSAGES } from "../../signin/messages";
import { sessionInfo } from "../../signin/sessionInfo";

/** Exact being away or busy does not end the session: the check then answers what it knows. */
const EXACT_AWAY = ["exact_unavailable", "exact_error", "daily_limit_reached"];

const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, signIn, sessions, tokens, exact, store } = app;

  app.get("/config", { schema: { response: { 200: AuthConfig } } }, async (): Promise<AuthConfig> => {
    const managed = config.managedApp;
    return {
      managed: managed !== null,
      ...(managed ? { country: managed.country } : {}),
      redirectUri: managed?.redirectUri ?? signIn.callbackUrl,
      countries: signIn.countries,
    };
  });

  app.get(
    "/session",
    { schema: { response: { 200: SessionInfo, ...ERROR_ANSWERS } } },
    async (request, reply): Promise<SessionInfo> => {
      const { record: session, context } = await sessions.lookup(request.headers.authorization);
      reply.header("cache-control", "no-store");
      try {
        // Always through the chain, so a dead chain shows now and the token stays fresh.
        await tokens.getAccessToken(context.chainId);
        const me = await exact.currentUser.read(context);
        return sessionInfo(session, me.currentDivision);
      } catch (error) {
        if (error instanceof GatewayError && EXACT_AWAY.includes(error.code)) return sessionInfo(session);
        throw error;
      }
    },
  );

  app.delete(
    "/session",
    {
      // The session first: a caller without one hears "not signed in", not which parameters exist.
      onRequest: async (request) => {
        request.eolSessionRecord = await sessions.record(request.headers.authorization);
      },
      schema: { querystring: SignOutQuery, response: { 204: NoContent, ...ERROR_ANSWERS } },
    },
    async (request, reply) => {
      const session = request.eolSessionRecord;
      if (!session) throw new GatewayError(401, "not_signed_in", MESSAGES.notSignedIn);
      if (request.query.all === "true") await store.deleteSessionsOfChain(session.chainId);
      else await store.deleteSession(session.id);
      return reply.status(204).send(null);
    },
  );
};

export default sessionRoutes;

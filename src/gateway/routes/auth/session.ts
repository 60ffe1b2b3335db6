/** GET /auth/config, GET /auth/session (live current division from Exact) and DELETE /auth/session. */
import type { FastifyInstance } from "fastify";
import type { AuthConfig, SessionInfo } from "../../../shared/api";
import { GatewayError } from "../../errors";
import { sessionInfo } from "../../signin/sessionInfo";

/** Exact being away or busy does not end the session: the check then answers what it knows. */
const EXACT_AWAY = ["exact_unavailable", "exact_error", "daily_limit_reached"];

export default async function sessionRoutes(app: FastifyInstance): Promise<void> {
  const { config, signIn, sessions, tokens, exact, store } = app;

  app.get("/config", async (): Promise<AuthConfig> => {
    const managed = config.managedApp;
    return {
      managed: managed !== null,
      ...(managed ? { country: managed.country } : {}),
      redirectUri: managed?.redirectUri ?? signIn.callbackUrl,
      countries: signIn.countries,
    };
  });

  app.get("/session", async (request, reply): Promise<SessionInfo> => {
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
  });

  app.delete<{ Querystring: { all?: string } }>("/session", async (request, reply) => {
    const session = await sessions.record(request.headers.authorization);
    const unknown = Object.keys(request.query).find((name) => name !== "all");
    if (unknown !== undefined) {
      throw new GatewayError(
        400,
        "invalid_request",
        `Unknown parameter "${unknown.slice(0, 40)}"; only "all" is accepted.`,
      );
    }
    if (request.query.all !== undefined && request.query.all !== "true" && request.query.all !== "false") {
      throw new GatewayError(
        400,
        "invalid_request",
        'all must be "true" (every session of this sign-in) or "false".',
      );
    }
    if (request.query.all === "true") await store.deleteSessionsOfChain(session.chainId);
    else await store.deleteSession(session.id);
    return reply.status(204).send();
  });
}

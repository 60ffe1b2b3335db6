/** GET /auth/config, GET /auth/session (live current division from Exact) and DELETE /auth/session. */
import type { FastifyInstance } from "fastify";
import type { AuthConfig, SessionInfo } from "../../shared/api";
import { GatewayError } from "../errors";
import { reauthRequired } from "../tokens/chainTokens";
import { ExactUnauthorizedError } from "../tokens/exactOAuth";
import type { SessionContext } from "../contracts";
import type { AuthServices } from "./authServices";
import { sessionInfo } from "./sessionInfo";

/** current/Me with the chain's token; after a 401 one refresh (single-flight) and one retry. */
async function readMe(services: AuthServices, context: SessionContext, token: string) {
  try {
    return await services.oauth.readMe(context.exactBaseUrl, token);
  } catch (error) {
    if (!(error instanceof ExactUnauthorizedError)) throw error;
  }
  const renewed = await services.tokens.refreshAfterUnauthorized(context.chainId, token);
  try {
    return await services.oauth.readMe(context.exactBaseUrl, renewed);
  } catch (error) {
    throw error instanceof ExactUnauthorizedError ? reauthRequired() : error;
  }
}

/** Spares Exact's rate budget when functions and the task pane ask often: Me is re-read at most every 30 s. */
const ME_TTL_MS = 30_000;

export function registerSessionRoutes(app: FastifyInstance, services: AuthServices): void {
  app.get("/auth/config", async (): Promise<AuthConfig> => {
    const managed = services.config.managedApp;
    return {
      managed: managed !== null,
      ...(managed ? { country: managed.country } : {}),
      redirectUri: managed?.redirectUri ?? services.callbackUrl,
      countries: services.countries,
    };
  });

  const recentDivision = new Map<string, { at: number; currentDivision: number | null }>();

  app.get("/auth/session", async (request, reply): Promise<SessionInfo> => {
    const { record: session, context } = await app.eolSessions.lookup(request.headers.authorization);
    reply.header("cache-control", "no-store");
    try {
      // Always through the chain, so a dead chain shows now and the token stays fresh.
      const token = await services.tokens.getAccessToken(context.chainId);
      const recent = recentDivision.get(context.chainId);
      if (recent && services.clock.now() - recent.at < ME_TTL_MS)
        return sessionInfo(session, recent.currentDivision);
      // Me.CurrentDivision follows the company the user last opened in Exact, so read it live.
      const me = await readMe(services, context, token);
      recentDivision.set(context.chainId, { at: services.clock.now(), currentDivision: me.currentDivision });
      return sessionInfo(session, me.currentDivision);
    } catch (error) {
      // Exact being away or busy (429) does not end the session: answer what we know.
      if (error instanceof GatewayError && ["exact_unavailable", "exact_error"].includes(error.code)) {
        return sessionInfo(session);
      }
      throw error;
    }
  });

  app.delete<{ Querystring: { all?: string } }>("/auth/session", async (request, reply) => {
    const session = await app.eolSessions.record(request.headers.authorization);
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
    if (request.query.all === "true") await services.store.deleteSessionsOfChain(session.chainId);
    else await services.store.deleteSession(session.id);
    return reply.status(204).send();
  });
}

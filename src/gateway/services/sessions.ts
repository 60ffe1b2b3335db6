/**
 * Service: sessions (sessions/): the Bearer token of a request → its session, read once per request;
 * idle and absolute lifetimes, expired records purged hourly; and `request.eolSession` for the routes
 * behind the /api/v1 session hook.
 */
import fp from "fastify-plugin";
import type { SessionContext } from "../contracts";
import { schedulePurge, sessionLifetime } from "../sessions/lifetime";
import { SessionService } from "../sessions/sessionService";

declare module "fastify" {
  interface FastifyInstance {
    /** Resolves a request's `Authorization: Bearer <session token>`; the session check and sign-out. */
    sessions: SessionService;
  }
  interface FastifyRequest {
    /** The signed-in caller; set by the /api/v1 session hook (null elsewhere). */
    eolSession: SessionContext | null;
  }
}

export default fp<{ purgeIntervalMs?: number }>(
  async (app, options) => {
    const { store, clock, exactHosts, tokens, exact } = app;
    const lifetime = sessionLifetime(app.config);
    app.decorate(
      "sessions",
      new SessionService({
        store,
        clock,
        hosts: exactHosts,
        lifetime,
        tokens,
        currentUser: exact.currentUser,
      }),
    );
    app.decorateRequest("eolSession", null);
    app.decorateRequest("eolStoredSession", null);
    schedulePurge(app, { store, clock, lifetime }, options.purgeIntervalMs);
  },
  {
    name: "eol-sessions",
    dependencies: ["eol-config", "eol-store", "eol-exact-hosts", "eol-tokens", "eol-exact"],
    fastify: "5.x",
  },
);

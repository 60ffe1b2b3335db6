/**
 * Service: session tokens → sessions (idle and absolute lifetimes, expired ones purged hourly), and
 * `request.eolSession` for the routes behind the /api/v1 session hook.
 */
import fp from "fastify-plugin";
import type { SessionContext } from "../contracts";
import type { SessionRecord } from "../store/types";
import { schedulePurge, sessionLifetime } from "../signin/sessionLifetime";
import { SessionResolver } from "../signin/sessions";

declare module "fastify" {
  interface FastifyInstance {
    /** Resolves `Authorization: Bearer <session token>` headers. */
    sessions: SessionResolver;
  }
  interface FastifyRequest {
    /** The signed-in caller; set by the /api/v1 session hook (null elsewhere). */
    eolSession: SessionContext | null;
    /** The caller's session record, for routes that end it (DELETE /auth/session). */
    eolSessionRecord: SessionRecord | null;
  }
}

export default fp<{ purgeIntervalMs?: number }>(
  async (app, options) => {
    const { store, clock, exactHosts } = app;
    const lifetime = sessionLifetime(app.config);
    app.decorate("sessions", new SessionResolver(store, clock, exactHosts, lifetime));
    app.decorateRequest("eolSession", null);
    app.decorateRequest("eolSessionRecord", null);
    schedulePurge(app, { store, clock, lifetime }, options.purgeIntervalMs);
  },
  { name: "eol-sessions", dependencies: ["eol-config", "eol-store", "eol-exact-hosts"], fastify: "5.x" },
);

/**
 * Service: session tokens → sessions, and `request.eolSession` for the routes behind the /api/v1
 * session hook.
 */
import fp from "fastify-plugin";
import type { SessionContext } from "../contracts";
import { SessionResolver } from "../signin/sessions";

declare module "fastify" {
  interface FastifyInstance {
    /** Resolves `Authorization: Bearer <session token>` headers. */
    sessions: SessionResolver;
  }
  interface FastifyRequest {
    /** The signed-in caller; set by the /api/v1 session hook (null elsewhere). */
    eolSession: SessionContext | null;
  }
}

export default fp(
  async (app) => {
    app.decorate("sessions", new SessionResolver(app.store, app.clock, app.exactHosts));
    app.decorateRequest("eolSession", null);
  },
  { name: "eol-sessions", dependencies: ["eol-config", "eol-store", "eol-exact-hosts"], fastify: "5.x" },
);

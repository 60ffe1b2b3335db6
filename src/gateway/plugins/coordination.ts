/**
 * Infrastructure: the coordination (coordination/), chosen once from the configuration — shared by every
 * instance on EOL_DATABASE_URL's PostgreSQL, else in this process — and decorated for the services.
 */
import fp from "fastify-plugin";
import type { Coordination } from "../coordination/coordination";
import { openCoordination } from "../coordination/openCoordination";

declare module "fastify" {
  interface FastifyInstance {
    coordination: Coordination;
  }
}

export default fp(
  async (app) => {
    const coordination = openCoordination(app.config, app.store, app.clock);
    app.log.debug({ coordination: coordination.name }, "coordination chosen");
    app.decorate("coordination", coordination);
  },
  { name: "eol-coordination", dependencies: ["eol-config", "eol-store"], fastify: "5.x" },
);

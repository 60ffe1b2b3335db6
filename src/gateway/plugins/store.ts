/**
 * Infrastructure: the encrypted store of logins, sessions and token chains (PostgreSQL with
 * EOL_DATABASE_URL, else SQLite in the data directory), closed with the gateway.
 */
import fp from "fastify-plugin";
import { openStore } from "../store/openStore";
import type { AuthStore } from "../store/types";

declare module "fastify" {
  interface FastifyInstance {
    store: AuthStore;
  }
}

export default fp(
  async (app) => {
    const store = await openStore(app.config);
    app.decorate("store", store);
    app.addHook("onClose", () => store.close());
  },
  { name: "eol-store", dependencies: ["eol-config"], fastify: "5.x" },
);

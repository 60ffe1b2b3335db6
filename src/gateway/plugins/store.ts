/** Infrastructure: the encrypted store of logins, sessions and token chains, closed with the gateway. */
import fp from "fastify-plugin";
import { loadOrCreateSecretKey, SecretBox } from "../crypto/secretBox";
import { SqliteAuthStore } from "../store/sqliteStore";
import type { AuthStore } from "../store/types";

declare module "fastify" {
  interface FastifyInstance {
    store: AuthStore;
  }
}

export default fp(
  async (app) => {
    const { dataDir, secretKey } = app.config;
    const store = new SqliteAuthStore(dataDir, new SecretBox(loadOrCreateSecretKey(secretKey, dataDir)));
    app.decorate("store", store);
    app.addHook("onClose", () => store.close());
  },
  { name: "eol-store", dependencies: ["eol-config"], fastify: "5.x" },
);

/** Infrastructure: the encrypted store of logins, sessions and token chains, closed with the gateway. */
import fp from "fastify-plugin";
import { openSecretKey } from "../crypto/keyFile";
import { SecretBox } from "../crypto/secretBox";
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
    // The key is checked against the store before a newly generated one is written to disk.
    const key = openSecretKey(secretKey, dataDir);
    const store = new SqliteAuthStore(dataDir, new SecretBox(key.key));
    key.save();
    app.decorate("store", store);
    app.addHook("onClose", () => store.close());
  },
  { name: "eol-store", dependencies: ["eol-config"], fastify: "5.x" },
);

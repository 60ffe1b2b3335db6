/** Service: Exact's token endpoint and the token chains (one per user + app), refreshed single-flight. */
import fp from "fastify-plugin";
import { chainLockFor } from "../tokens/chainLock";
import { ChainTokenService } from "../tokens/chainTokens";
import { TokenEndpoint } from "../tokens/tokenEndpoint";

declare module "fastify" {
  interface FastifyInstance {
    /** Code exchange and refresh at Exact's token endpoint. */
    tokenEndpoint: TokenEndpoint;
    /** Access tokens per chain: refreshed only when Exact allows, rotated refresh tokens stored first. */
    tokens: ChainTokenService;
  }
}

export default fp(
  async (app) => {
    const { clock, store, exactHosts } = app;
    const endpoint = new TokenEndpoint(clock, exactHosts);
    app.decorate("tokenEndpoint", endpoint);
    const tokens = new ChainTokenService({
      store,
      endpoint,
      clock,
      baseUrlFor: (country) => exactHosts.baseUrlFor(country),
      // Across instances on PostgreSQL; in-process otherwise.
      lock: chainLockFor(store),
    });
    app.decorate("tokens", tokens);
    // Closes before the store (it registered first): a rotated refresh token under way is stored, not lost.
    app.addHook("onClose", () => app.tokens.settle());
  },
  { name: "eol-tokens", dependencies: ["eol-config", "eol-store", "eol-exact-hosts"], fastify: "5.x" },
);

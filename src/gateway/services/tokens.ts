/** Service: Exact's token endpoint and the token chains (one per user + app), refreshed single-flight. */
import fp from "fastify-plugin";
import { ChainTokenService } from "../tokens/chainTokens";
import { TokenEndpoint, TokenEndpointError, type TokenGrant } from "../tokens/tokenEndpoint";

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
    const { clock, store, exactHosts, metrics, coordination } = app;
    const endpoint = new TokenEndpoint(clock, exactHosts);
    app.decorate("tokenEndpoint", endpoint);
    // Refreshes are counted, and a chain Exact ends is a warning (no token or user in the line).
    const refreshes = {
      async request(baseUrl: string, grant: TokenGrant) {
        try {
          const tokens = await endpoint.request(baseUrl, grant);
          metrics.tokenRefresh("ok");
          return tokens;
        } catch (error) {
          const ended = error instanceof TokenEndpointError && error.endsChain;
          metrics.tokenRefresh(ended ? "chain_ended" : "failed");
          if (ended) {
            app.log.warn(
              { clientId: grant.clientId, oauthError: error.oauthError },
              "A token chain ended: Exact refused its refresh token; that user must sign in again.",
            );
          }
          throw error;
        }
      },
    };
    const tokens = new ChainTokenService({
      store,
      endpoint: refreshes,
      clock,
      baseUrlFor: (country) => exactHosts.baseUrlFor(country),
      lock: coordination.chainLock,
    });
    app.decorate("tokens", tokens);
    // Closes before the store (it registered first): a rotated refresh token under way is stored, not lost.
    app.addHook("onClose", () => app.tokens.settle());
  },
  {
    name: "eol-tokens",
    dependencies: ["eol-config", "eol-store", "eol-coordination", "eol-metrics", "eol-exact-hosts"],
    fastify: "5.x",
  },
);

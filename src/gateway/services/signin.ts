/**
 * Service: the sign-in flow (signin/): create, start, callback, identify ("Try again") and redeem, with
 * this gateway's callback URL and the countries it offers. The login lock and every refresh of kept
 * tokens go through the tokens service.
 */
import fp from "fastify-plugin";
import { SignInService } from "../signin/signInService";

declare module "fastify" {
  interface FastifyInstance {
    signIn: SignInService;
  }
}

export default fp(
  async (app) => {
    const { config, clock, store, exactHosts, tokenEndpoint, tokens, exact } = app;
    const demoApp = app.demoExact?.app ?? null;
    app.decorate(
      "signIn",
      new SignInService({ config, clock, store, exactHosts, tokenEndpoint, tokens, exact, demoApp }),
    );
  },
  {
    name: "eol-signin",
    dependencies: ["eol-config", "eol-store", "eol-exact-hosts", "eol-tokens", "eol-exact"],
    fastify: "5.x",
  },
);

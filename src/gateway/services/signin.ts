/**
 * Service: what the sign-in flow needs beyond the store and tokens — this gateway's callback URL, the
 * countries it offers, and the demo app's credentials.
 */
import fp from "fastify-plugin";
import { COUNTRIES, type Country } from "../../shared/countries";

export interface SignInSettings {
  /** This gateway's /auth/callback, the default redirect URI. */
  callbackUrl: string;
  /** Countries this gateway accepts ("demo" only while the simulator runs). */
  countries: Country[];
  /** Credentials of the simulator's built-in demo app. */
  demoApp: { clientId: string; clientSecret: string } | null;
}

declare module "fastify" {
  interface FastifyInstance {
    signIn: SignInSettings;
  }
}

export default fp(
  async (app) => {
    const demo = app.demoExact;
    app.decorate("signIn", {
      callbackUrl: `${app.config.publicUrl}/auth/callback`,
      countries: COUNTRIES.filter((country) => country !== "demo" || demo !== null),
      demoApp: demo?.app ?? null,
    });
  },
  { name: "eol-signin", dependencies: ["eol-config", "eol-exact-hosts"], fastify: "5.x" },
);

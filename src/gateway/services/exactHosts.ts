/**
 * Service: the hosts this gateway may call (Exact's, or the configured override) and its demo
 * simulator ("demo" country, started here unless the caller passes its own).
 */
import fp from "fastify-plugin";
import type { RunningSimulator } from "../../simulator";
import { startDemoExact, type DemoExact } from "../demo/demoSimulator";
import { ExactHosts } from "../exact/hosts";

declare module "fastify" {
  interface FastifyInstance {
    /** This gateway's allow-list of upstream hosts and Exact's base URL per country. */
    exactHosts: ExactHosts;
    /** The in-process Exact simulator playing country "demo", or null (EOL_DEMO=0). */
    demoExact: DemoExact | null;
  }
}

export interface ExactHostsOptions {
  /** A simulator the caller started; it plays country "demo" and is not closed with the gateway. */
  simulator?: RunningSimulator;
  /** The gateway's certificate, so the demo's sign-in pages can be served over https too. */
  tls?: { key: Buffer; cert: Buffer } | null;
}

export default fp<ExactHostsOptions>(
  async (app, options) => {
    const { config, clock } = app;
    const demo =
      config.demo || options.simulator
        ? await startDemoExact({
            clock,
            callbackUrl: `${config.publicUrl}/auth/callback`,
            simulator: options.simulator,
            tls: options.tls,
          })
        : null;
    if (demo) app.addHook("onClose", () => demo.close());
    app.decorate("demoExact", demo);
    app.decorate(
      "exactHosts",
      new ExactHosts({
        exactBaseUrlOverride: config.exactBaseUrlOverride,
        demoBaseUrl: demo?.baseUrl ?? null,
        demoSignInBaseUrl: demo?.signInBaseUrl ?? null,
      }),
    );
  },
  { name: "eol-exact-hosts", dependencies: ["eol-config"], fastify: "5.x" },
);

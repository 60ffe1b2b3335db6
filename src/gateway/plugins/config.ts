/** Infrastructure: the gateway's configuration and clock, decorated for every other plugin. */
import fp from "fastify-plugin";
import type { Clock } from "../../shared/clock";
import type { GatewayConfig } from "../config/config";

declare module "fastify" {
  interface FastifyInstance {
    /** The validated configuration (config.ts). */
    config: GatewayConfig;
    /** Time source; a VirtualClock shared with the simulator in tests and benchmarks. */
    clock: Clock;
  }
}

export default fp<{ config: GatewayConfig; clock: Clock }>(
  async (app, options) => {
    app.decorate("config", options.config);
    app.decorate("clock", options.clock);
  },
  { name: "eol-config", fastify: "5.x" },
);

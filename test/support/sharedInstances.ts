/**
 * Several gateway instances on one real PostgreSQL and one simulator, as behind a load balancer, for the
 * tests of what instances share. `close()` ends them all, then the simulator and the server.
 */
import crypto from "node:crypto";
import { VirtualClock } from "../../src/shared/clock";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../../src/simulator";
import { buildTestGateway, type TestGateway } from "./gateway";
import { startPostgres, type TestPostgres } from "./postgres";

export interface SharedInstances {
  sim: RunningSimulator;
  instances: TestGateway[];
  close(): Promise<void>;
}

export async function startSharedInstances(
  count: number,
  simulator: SimulatorOptions,
  env: Record<string, string> = {},
): Promise<SharedInstances> {
  const postgres: TestPostgres = await startPostgres();
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, autoApprove: true, ...simulator });
  const shared = {
    EOL_DATABASE_URL: await postgres.createDatabase(),
    EOL_SECRET_KEY: crypto.randomBytes(32).toString("hex"),
    EOL_EXACT_BASE_URL: sim.url,
    ...env,
  };
  const instances: TestGateway[] = [];
  for (let i = 0; i < count; i += 1)
    instances.push(await buildTestGateway(shared, { clock, simulator: sim }));
  return {
    sim,
    instances,
    close: async () => {
      await Promise.all(instances.map((instance) => instance.close()));
      await sim.close();
      await postgres.stop();
    },
  };
}

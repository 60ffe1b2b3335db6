/**
 * The stack a browser test talks to: the Exact simulator and a gateway (plain HTTP on a free loopback
 * port) serving the built add-in from dist/. Real clock: the browser cannot share a virtual one.
 */
import fs from "node:fs";
import path from "node:path";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../../../src/simulator";
import { startTestGateway, type ListeningGatewayOptions, type TestGateway } from "../gateway";

export interface Stack {
  simulator: RunningSimulator;
  gateway: TestGateway;
  close(): Promise<void>;
}

export function assertBuilt(): void {
  const dist = path.resolve(__dirname, "../../../dist/taskpane.html");
  if (!fs.existsSync(dist))
    throw new Error("dist/ is missing: run `npm run build:addin` (npm test does this first).");
}

/** `env` may depend on the simulator (e.g. EOL_EXACT_BASE_URL pointing every country at it). */
export async function startStack(
  env: Record<string, string> | ((simulator: RunningSimulator) => Record<string, string>) = {},
  simulatorOptions: SimulatorOptions = {},
  gatewayOptions: Pick<ListeningGatewayOptions, "server"> = {},
): Promise<Stack> {
  assertBuilt();
  const simulator = await startSimulator({
    dataset: "demo",
    seed: 1,
    autoApprove: false,
    ...simulatorOptions,
  });
  const gateway = await startTestGateway(typeof env === "function" ? env(simulator) : env, {
    simulator,
    ...gatewayOptions,
  });
  return {
    simulator,
    gateway,
    close: async () => {
      await gateway.close();
      await simulator.close();
    },
  };
}

/** A simulator + gateway pair for one benchmark scenario, with a signed-in session. */
import { VirtualClock, systemClock, type Clock } from "../src/shared/clock";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../src/simulator";
import { signInTestUser, startTestGateway, type TestGateway } from "../test/support/gateway";

export interface BenchStack {
  clock: Clock;
  simulator: RunningSimulator;
  gateway: TestGateway;
  sessionToken: string;
  /** GET a gateway route with the session; throws on a non-2xx answer. */
  get<T>(path: string, headers?: Record<string, string>): Promise<T>;
  close(): Promise<void>;
}

export async function startBenchStack(options: {
  virtual: boolean;
  simulator?: SimulatorOptions;
  env?: Record<string, string>;
  /** A virtual clock of the scenario's own (e.g. a longer settle time); default: a fresh one. */
  clock?: Clock;
}): Promise<BenchStack> {
  const clock =
    options.clock ?? (options.virtual ? new VirtualClock(Date.UTC(2026, 10, 23, 9, 0, 0)) : systemClock);
  const simulator = await startSimulator({ seed: 1, autoApprove: true, clock, ...options.simulator });
  const gateway = await startTestGateway(options.env ?? {}, { clock, simulator });
  const { sessionToken } = await signInTestUser(gateway);
  const get = async <T>(path: string, headers: Record<string, string> = {}): Promise<T> => {
    const res = await fetch(`${gateway.url}${path}`, {
      headers: { authorization: `Bearer ${sessionToken}`, ...headers },
    });
    const body = await res.text();
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 300)}`);
    return JSON.parse(body) as T;
  };
  return {
    clock,
    simulator,
    gateway,
    sessionToken,
    get,
    close: async () => {
      await gateway.close();
      await simulator.close();
    },
  };
}

/** REST calls the simulator answered since the last reset (token-endpoint calls excluded). */
export function restCalls(simulator: RunningSimulator): number {
  return simulator.log.count({ kind: "api" });
}

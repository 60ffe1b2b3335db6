/**
 * Country "demo": the Exact simulator, started in-process with its demo app, so `npm start` signs in
 * with nothing configured. Tests pass their own simulator (sharing their VirtualClock) instead.
 */
import type { Clock } from "../../shared/clock";
import { DEMO_APP, startSimulator, type RunningSimulator } from "../../simulator";

export interface DemoExact {
  /** For the gateway's own calls (token endpoint, REST). */
  baseUrl: string;
  /** Where the sign-in window goes: https when the gateway itself runs https (Office dialogs refuse http). */
  signInBaseUrl: string;
  app: { clientId: string; clientSecret: string };
  close(): Promise<void>;
}

export async function startDemoExact(options: {
  clock: Clock;
  callbackUrl: string;
  /** A simulator the caller owns (tests); it is not closed with the gateway. */
  simulator?: RunningSimulator;
  /** The gateway's certificate: the simulator then also serves its pages over https with it. */
  tls?: { key: Buffer; cert: Buffer } | null;
}): Promise<DemoExact> {
  // A person at `npm start` sees the simulator's consent page, as with Exact.
  const simulator =
    options.simulator ??
    (await startSimulator({
      clock: options.clock,
      autoApprove: false,
      dataset: "demo",
      seed: 1,
      ...(options.tls ? { tls: options.tls } : {}),
    }));
  simulator.apps.addRedirectUri(DEMO_APP.clientId, options.callbackUrl);
  return {
    baseUrl: simulator.url,
    signInBaseUrl: simulator.secureUrl ?? simulator.url,
    app: { clientId: DEMO_APP.clientId, clientSecret: DEMO_APP.clientSecret },
    close: options.simulator ? async () => undefined : () => simulator.close(),
  };
}

/**
 * Creates the sign-in services of one gateway: secret key, encrypted store, OAuth client, token chains,
 * the demo simulator (when enabled) and the allowed upstream hosts.
 */
import type { Clock } from "../../shared/clock";
import type { Country } from "../../shared/countries";
import { COUNTRIES } from "../../shared/countries";
import type { RunningSimulator } from "../../simulator";
import type { GatewayConfig } from "../config";
import { startDemoExact, type DemoExact } from "../demo/demoSimulator";
import { allowUpstreamBaseUrls, configuredBaseUrls, exactBaseUrl, type ExactHostConfig } from "../exactHosts";
import { openStore } from "../store/openStore";
import type { AuthStore } from "../store/types";
import { ChainTokenService } from "../tokens/chainTokens";
import { ExactOAuthClient } from "../tokens/exactOAuth";
import { sessionLifetime, type SessionLifetime } from "./sessionLifetime";

export interface AuthServices {
  config: GatewayConfig;
  clock: Clock;
  store: AuthStore;
  oauth: ExactOAuthClient;
  tokens: ChainTokenService;
  hosts: ExactHostConfig;
  demo: DemoExact | null;
  callbackUrl: string;
  lifetime: SessionLifetime;
  countries: Country[];
  baseUrlFor(country: Country): string;
  /** Where the sign-in window is sent: the demo simulator's https pages when it has them. */
  signInBaseUrlFor(country: Country): string;
  close(): Promise<void>;
}

export async function createAuthServices(
  config: GatewayConfig,
  options: { clock: Clock; simulator?: RunningSimulator; tls?: { key: Buffer; cert: Buffer } | null },
): Promise<AuthServices> {
  const { clock } = options;
  const callbackUrl = `${config.publicUrl}/auth/callback`;
  // The store first: a refused data directory or database must not leave a demo simulator running.
  const store = await openStore(config);
  let demo: DemoExact | null;
  try {
    demo =
      config.demo || options.simulator
        ? await startDemoExact({ clock, callbackUrl, simulator: options.simulator, tls: options.tls })
        : null;
  } catch (error) {
    await store.close();
    throw error;
  }
  const hosts: ExactHostConfig = {
    exactBaseUrlOverride: config.exactBaseUrlOverride,
    demoBaseUrl: demo?.baseUrl ?? null,
  };
  // The demo's https sign-in pages are the same simulator on a second port.
  allowUpstreamBaseUrls([...configuredBaseUrls(hosts), ...(demo ? [demo.signInBaseUrl] : [])]);
  const oauth = new ExactOAuthClient(clock);
  const baseUrlFor = (country: Country): string => exactBaseUrl(country, hosts);
  const tokens = new ChainTokenService({ store, oauth, clock, baseUrlFor });
  return {
    config,
    clock,
    store,
    oauth,
    tokens,
    hosts,
    demo,
    callbackUrl,
    lifetime: sessionLifetime(config),
    countries: COUNTRIES.filter((country) => country !== "demo" || demo !== null),
    baseUrlFor,
    signInBaseUrlFor: (country) => (country === "demo" && demo ? demo.signInBaseUrl : baseUrlFor(country)),
    close: async () => {
      await tokens.settle();
      await store.close();
      await demo?.close();
    },
  };
}

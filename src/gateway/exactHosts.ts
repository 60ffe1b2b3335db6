/**
 * The one place that decides which hosts the gateway may call: Exact's country hosts (or the single
 * EOL_EXACT_BASE_URL override) and the in-process demo simulator. Every upstream call goes through
 * `assertAllowedUpstream`, so a crafted URL can never make the gateway call anything else.
 */
import { EXACT_HOSTS, type Country } from "../shared/countries";
import type { GatewayConfig } from "./config";
import { GatewayError } from "./errors";

export interface ExactHostConfig {
  exactBaseUrlOverride: GatewayConfig["exactBaseUrlOverride"];
  /** Base URL of the in-process demo simulator, when it runs. */
  demoBaseUrl?: string | null;
}

/** Origins registered by running gateways in this process (tests run several gateways side by side). */
const allowedOrigins = new Set<string>();

/** Exact's base URL for a country under this configuration. */
export function exactBaseUrl(country: Country, config: ExactHostConfig): string {
  if (country === "demo") {
    if (!config.demoBaseUrl) {
      throw new GatewayError(
        400,
        "invalid_request",
        'Country "demo" is not available: this gateway runs without the demo simulator (EOL_DEMO=0).',
      );
    }
    return config.demoBaseUrl;
  }
  return config.exactBaseUrlOverride ?? EXACT_HOSTS[country];
}

/** Every base URL this configuration may call; registered when a gateway is built. */
export function configuredBaseUrls(config: ExactHostConfig): string[] {
  const urls = config.exactBaseUrlOverride ? [config.exactBaseUrlOverride] : Object.values(EXACT_HOSTS);
  return config.demoBaseUrl ? [...urls, config.demoBaseUrl] : urls;
}

export function allowUpstreamBaseUrls(urls: readonly string[]): void {
  for (const url of urls) allowedOrigins.add(new URL(url).origin);
}

/** Throws unless `url` is on a configured Exact base URL; returns the parsed URL. */
export function assertAllowedUpstream(url: string | URL): URL {
  const parsed = typeof url === "string" ? new URL(url) : url;
  if (!allowedOrigins.has(parsed.origin) || parsed.username || parsed.password) {
    throw new GatewayError(
      500,
      "internal_error",
      "The gateway refused to call a host that is not a configured Exact Online base URL.",
    );
  }
  return parsed;
}

/**
 * The one place that decides which hosts a gateway may call: Exact's country hosts (or the single
 * EOL_EXACT_BASE_URL override) and its demo simulator. Each gateway owns one ExactHosts, so gateways
 * built side by side (tests) never widen each other's allow-list. Every upstream call goes through
 * `assertAllowed`, so a crafted URL can never make the gateway call anything else.
 */
import { EXACT_HOSTS, type Country } from "../../shared/countries";
import type { GatewayConfig } from "../config/config";
import { GatewayError } from "../errors";

export interface ExactHostConfig {
  exactBaseUrlOverride: GatewayConfig["exactBaseUrlOverride"];
  /** Base URL of the in-process demo simulator, when it runs. */
  demoBaseUrl?: string | null;
  /** The demo simulator's https pages for the sign-in window (same simulator, second port). */
  demoSignInBaseUrl?: string | null;
}

const UPSTREAM_TIMEOUT_MS = 15_000;

export function exactUnreachable(baseUrl: string): GatewayError {
  return new GatewayError(
    502,
    "exact_unavailable",
    `Exact Online could not be reached at ${new URL(baseUrl).host}. Try again in a moment.`,
  );
}

export class ExactHosts {
  private readonly allowedOrigins: ReadonlySet<string>;

  constructor(private readonly config: ExactHostConfig) {
    const urls = config.exactBaseUrlOverride ? [config.exactBaseUrlOverride] : Object.values(EXACT_HOSTS);
    const demo = [config.demoBaseUrl, config.demoSignInBaseUrl].filter((url): url is string => !!url);
    this.allowedOrigins = new Set([...urls, ...demo].map((url) => new URL(url).origin));
  }

  /** Exact's base URL for a country under this configuration. */
  baseUrlFor(country: Country): string {
    if (country === "demo") {
      if (!this.config.demoBaseUrl) {
        throw new GatewayError(
          400,
          "invalid_request",
          'Country "demo" is not available: this gateway runs without the demo simulator (EOL_DEMO=0).',
        );
      }
      return this.config.demoBaseUrl;
    }
    return this.config.exactBaseUrlOverride ?? EXACT_HOSTS[country];
  }

  /** Where the sign-in window is sent: the demo simulator's https pages when it has them. */
  signInBaseUrlFor(country: Country): string {
    if (country === "demo" && this.config.demoSignInBaseUrl) return this.config.demoSignInBaseUrl;
    return this.baseUrlFor(country);
  }

  /** Throws unless `url` is on a configured Exact base URL; returns the parsed URL. */
  assertAllowed(url: string | URL): URL {
    const parsed = typeof url === "string" ? new URL(url) : url;
    if (!this.allowedOrigins.has(parsed.origin) || parsed.username || parsed.password) {
      throw new GatewayError(
        500,
        "internal_error",
        "The gateway refused to call a host that is not a configured Exact Online base URL.",
      );
    }
    return parsed;
  }

  /** fetch() for Exact's OAuth pages: only allowed hosts, no redirects followed, a timeout. */
  async fetch(url: string, init: RequestInit): Promise<Response> {
    const target = this.assertAllowed(url);
    try {
      return await fetch(target, {
        ...init,
        redirect: "manual",
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
      });
    } catch {
      throw exactUnreachable(target.origin);
    }
  }
}

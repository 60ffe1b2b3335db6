/**
 * Checks the app settings with Exact's authorize endpoint before a login is stored. Exact shows its own
 * error page (400, no redirect) for an unknown client ID or an unregistered redirect URI, so the user
 * would otherwise be stuck on Exact's page; this turns those into clear errors in the task pane.
 * Anything but an explicit 4xx page (a login page, a consent page, a redirect) counts as "fine".
 */
import { GatewayError } from "../errors";
import type { ExactHosts } from "../exact/hosts";
import { authorizeUrl } from "../tokens/tokenEndpoint";
import { MESSAGES } from "./messages";

export async function probeAppSettings(
  hosts: ExactHosts,
  baseUrl: string,
  settings: { clientId: string; redirectUri: string },
): Promise<void> {
  const url = authorizeUrl(hosts, baseUrl, { ...settings, state: "probe" });
  const res = await hosts.fetch(url, { headers: { accept: "text/html" } });
  if (res.status < 400 || res.status >= 500) {
    await res.body?.cancel();
    return;
  }
  const page = await res.text();
  // "The redirect URI … is not registered" vs "No app is registered with client ID …".
  if (/redirect[ _-]?uri[^<]{0,300}\b(not|mismatch|invalid)\b/i.test(page)) {
    throw new GatewayError(400, "redirect_uri_mismatch", MESSAGES.redirectUriMismatch(settings.redirectUri));
  }
  throw new GatewayError(400, "invalid_client", MESSAGES.unknownClient);
}

/**
 * Which redirect URIs a user-supplied app may sign in with: this gateway's own callback, or one the
 * administrator listed in EOL_ALLOWED_REDIRECT_URIS (e.g. the same gateway under a second name). Anything
 * else could send a victim's authorization code to a host an attacker registered as the app's redirect.
 */
import { GatewayError } from "../errors";

/** Compares URLs in their normal form (case of scheme and host, default port, trailing dot-segments). */
function normal(uri: string): string | null {
  try {
    return new URL(uri).href;
  } catch {
    return null;
  }
}

export function isAllowedRedirectUri(uri: string, callbackUrl: string, allowed: readonly string[]): boolean {
  const candidate = normal(uri);
  return candidate !== null && [callbackUrl, ...allowed].some((known) => normal(known) === candidate);
}

export function checkRedirectUri(uri: string, callbackUrl: string, allowed: readonly string[]): void {
  if (isAllowedRedirectUri(uri, callbackUrl, allowed)) return;
  throw new GatewayError(
    400,
    "invalid_request",
    `redirectUri must point to this gateway's callback, ${callbackUrl}: register that as the redirect URI of your app in Exact's App Center and use it ("${uri.slice(0, 200)}" is not allowed; an administrator can allow more in EOL_ALLOWED_REDIRECT_URIS).`,
  );
}

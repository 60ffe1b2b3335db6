/** The base URL every manifest URL carries in the repository (the dev gateway). */
export const DEV_BASE_URL = "https://localhost:3000";

const BASE_URL = /^https?:\/\/[^\s/?#"'<>]+(\/[^\s?#"'<>]*)?$/;

/**
 * Replaces every occurrence of the dev base URL (all of them, not just the first) with `baseUrl`.
 * Office only loads https add-ins; http is accepted for tests and reverse proxies terminating TLS.
 */
export function rewriteManifestUrls(xml: string, baseUrl: string): string {
  return xml.split(DEV_BASE_URL).join(checkedBaseUrl(baseUrl));
}

/** The base URL without a trailing slash; throws unless it is an http(s) URL without query or fragment. */
export function checkedBaseUrl(baseUrl: string): string {
  const target = baseUrl.replace(/\/+$/, "");
  if (!BASE_URL.test(target)) {
    throw new Error(
      `The add-in base URL must be an http(s):// URL without query or fragment, got "${baseUrl}"`,
    );
  }
  return target;
}

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

function checkedBaseUrl(baseUrl: string): string {
  const target = baseUrl.replace(/\/+$/, "");
  if (!BASE_URL.test(target)) {
    throw new Error(
      `The add-in base URL must be an http(s):// URL without query or fragment, got "${baseUrl}"`,
    );
  }
  return target;
}

/** Where every function's help link (Excel's "Help on this function") points, below the base URL. */
export const FUNCTIONS_HELP_PATH = "/help.html#functions";

/**
 * functions.json with every function's helpUrl under `baseUrl`. The JSDoc carries no help URL, so no
 * address is baked into the metadata: the build and the gateway set it for the URL they serve.
 */
export function withHelpUrls(metadataJson: string, baseUrl: string): string {
  const helpUrl = checkedBaseUrl(baseUrl) + FUNCTIONS_HELP_PATH;
  const metadata = JSON.parse(metadataJson) as { functions: Record<string, unknown>[] };
  for (const fn of metadata.functions) fn.helpUrl = helpUrl;
  return JSON.stringify(metadata, null, 2);
}

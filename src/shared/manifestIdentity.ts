/**
 * What makes one gateway's add-in its own: the manifest's Id, display name and custom-function namespace
 * (so a test and a production gateway, or two organisations', sit side by side in one Excel without
 * clashing; Microsoft's manifest guidance: one manifest per environment), and its Version, which follows
 * package.json. Each rewrite fails loudly when the manifest no longer has the element it rewrites.
 */
import escapeHtml from "escape-html";

export const DEFAULT_FUNCTION_NAMESPACE = "EOL";

/** The <meta> of taskpane.html that tells the add-in its namespace (addin/functionNamespace.ts). */
export const NAMESPACE_META = "eol-function-namespace";

export interface AddinIdentity {
  /** The manifest Id (a GUID); null keeps the repository's. */
  id: string | null;
  /** DisplayName and ribbon tab label in every language; null keeps the repository's. */
  displayName: string | null;
  /** The custom-function namespace typed before each function: =EOL.DIVISIONS(). */
  namespace: string;
}

export const DEFAULT_ADDIN_IDENTITY: AddinIdentity = {
  id: null,
  displayName: null,
  namespace: DEFAULT_FUNCTION_NAMESPACE,
};

function replaceOnce(
  text: string,
  pattern: RegExp,
  replacement: string,
  what: string,
  where = "manifest",
): string {
  if (!pattern.test(text)) throw new Error(`The ${where} has no ${what} to rewrite`);
  return text.replace(pattern, () => replacement);
}

/**
 * package.json's version as the manifest's four-part Version: "1.2.3" → "1.2.3.0". Each part has at most
 * 5 digits (Version element docs) and the first is at least 1 (AppSource: "a is an integer between 1-9999").
 */
export function manifestVersion(packageVersion: string): string {
  const match = /^(\d{1,4})\.(\d{1,5})\.(\d{1,5})(?:[-+].*)?$/.exec(packageVersion);
  if (!match || Number(match[1]) < 1) {
    throw new Error(`package.json's version must be 1.0.0 or later (a.b.c), got "${packageVersion}"`);
  }
  return `${Number(match[1])}.${Number(match[2])}.${Number(match[3])}.0`;
}

export function withManifestVersion(xml: string, packageVersion: string): string {
  const version = manifestVersion(packageVersion);
  return replaceOnce(xml, /<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`, "Version");
}

/** The manifest with this gateway's Id, name and namespace (the defaults leave it unchanged). */
export function withAddinIdentity(xml: string, identity: AddinIdentity): string {
  let out = xml;
  if (identity.id) out = replaceOnce(out, /<Id>[^<]*<\/Id>/, `<Id>${identity.id}</Id>`, "Id");
  if (identity.displayName) {
    const name = escapeHtml(identity.displayName);
    // One name for every language: the Dutch overrides would otherwise show the default name.
    out = replaceOnce(
      out,
      /<DisplayName DefaultValue="[^"]*"(?:\/>|>[\s\S]*?<\/DisplayName>)/,
      `<DisplayName DefaultValue="${name}"/>`,
      "DisplayName",
    );
    out = replaceOnce(
      out,
      /<bt:String id="Tab\.Label" DefaultValue="[^"]*"\/>/,
      `<bt:String id="Tab.Label" DefaultValue="${name}"/>`,
      "ribbon tab label",
    );
  }
  if (identity.namespace !== DEFAULT_FUNCTION_NAMESPACE) {
    out = replaceOnce(
      out,
      /<bt:String id="Functions\.Namespace" DefaultValue="[^"]*"\/>/,
      `<bt:String id="Functions.Namespace" DefaultValue="${identity.namespace}"/>`,
      "custom-function namespace",
    );
    // Texts that show a formula (Get started) show it with this namespace.
    out = out.split(`=${DEFAULT_FUNCTION_NAMESPACE}.`).join(`=${identity.namespace}.`);
  }
  return out;
}

/** taskpane.html declaring this gateway's namespace, for Refresh all and the formulas the pane inserts. */
export function withPageNamespace(html: string, namespace: string): string {
  if (namespace === DEFAULT_FUNCTION_NAMESPACE) return html;
  // The production build minifies the page: the attribute quotes may be gone.
  return replaceOnce(
    html,
    new RegExp(`<meta name="?${NAMESPACE_META}"? content="?\\w*"?`),
    `<meta name="${NAMESPACE_META}" content="${namespace}"`,
    "namespace declaration",
    "task pane page",
  );
}

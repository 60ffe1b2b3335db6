/**
 * The help, support and privacy pages in English and Dutch (pages/): what the manifest's SupportUrl and
 * Get started link, every function's help link in both functions JSONs, and the task pane's links open.
 * Rendered once at start-up from the function catalogue and this gateway's configuration.
 */
import type { FastifyInstance } from "fastify";
import { FUNCTION_CATALOGUE } from "../../shared/functions/catalogue";
import { CATALOGUE_LANGUAGES, type CatalogueLanguage } from "../../shared/functions/types";
import { helpPaths } from "../../shared/helpPaths";
import { renderFunctionIndex, renderFunctionPage, type HelpSite } from "../pages/functionPages";
import { renderPrivacyPage } from "../pages/privacyPage";
import { renderSupportPage } from "../pages/supportPage";

const DEFAULT_NAMES: Record<CatalogueLanguage, string> = { en: "EOL for Excel", nl: "EOL voor Excel" };

/** Every page by path. */
export function helpPages(config: FastifyInstance["config"]): Map<string, string> {
  const name = config.addin.displayName;
  const site: HelpSite = {
    baseUrl: config.publicUrl,
    appName: name ? { en: name, nl: name } : DEFAULT_NAMES,
    namespace: config.addin.namespace,
  };
  const pages = new Map<string, string>();
  for (const language of CATALOGUE_LANGUAGES) {
    pages.set(helpPaths.index(language), renderFunctionIndex(language, site));
    pages.set(helpPaths.support(language), renderSupportPage(language, site, config.support));
    pages.set(helpPaths.privacy(language), renderPrivacyPage(language, site, config));
    for (const doc of FUNCTION_CATALOGUE) {
      pages.set(helpPaths.function(language, doc.id), renderFunctionPage(doc, language, site));
    }
  }
  return pages;
}

export default async function helpPagesRoute(app: FastifyInstance): Promise<void> {
  for (const [path, html] of helpPages(app.config)) {
    app.get(path, async (_request, reply) =>
      reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(html),
    );
  }
  // The address older manifests and functions JSONs link to: the index in the reader's language.
  app.get("/help.html", async (request, reply) => {
    const dutch = /^\s*nl\b/i.test(request.headers["accept-language"] ?? "");
    return reply.redirect(app.config.publicUrl + helpPaths.index(dutch ? "nl" : "en"));
  });
}

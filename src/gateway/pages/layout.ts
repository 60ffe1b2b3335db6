/**
 * The frame of the gateway's help pages: plain server-rendered HTML in the add-in's languages, no script,
 * one stylesheet inline (the CSP allows inline styles), and links between the pages and the other language.
 */
import escapeHtml from "escape-html";
import type { CatalogueLanguage } from "../../shared/functions/types";
import { helpPaths } from "../../shared/helpPaths";

export { escapeHtml };

const NAV: Record<CatalogueLanguage, { functions: string; support: string; privacy: string; other: string }> =
  {
    en: { functions: "Functions", support: "Support", privacy: "Privacy", other: "Nederlands" },
    nl: { functions: "Functies", support: "Ondersteuning", privacy: "Privacyverklaring", other: "English" },
  };

const STYLE = `
body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }
nav { display: flex; gap: 1rem; flex-wrap: wrap; border-bottom: 1px solid #ccc; padding-bottom: .5rem; }
nav .other { margin-left: auto; }
code { background: #f3f3f3; padding: 0 .2rem; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #ddd; padding: .3rem .5rem .3rem 0; }
@media (prefers-color-scheme: dark) { body { background: #1f1f1f; color: #eee; } code { background: #333; } a { color: #8cb4ff; } }
`;

export interface PageFrame {
  language: CatalogueLanguage;
  title: string;
  /** The add-in's name on this gateway, shown above every page. */
  appName: string;
  /** The gateway's public URL: links are absolute, so they work below a path and at any depth. */
  baseUrl: string;
  /** The same page in the other language (a path below the gateway). */
  otherLanguagePath: string;
  /** Trusted HTML: every dynamic text in it is escaped by its renderer. */
  body: string;
}

export function renderPage(frame: PageFrame): string {
  const nav = NAV[frame.language];
  const other: CatalogueLanguage = frame.language === "en" ? "nl" : "en";
  const link = (target: string) => escapeHtml(frame.baseUrl + target);
  return `<!doctype html>
<html lang="${frame.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(frame.title)} — ${escapeHtml(frame.appName)}</title>
<style>${STYLE}</style>
</head>
<body>
<nav>
<a href="${link(helpPaths.index(frame.language))}">${nav.functions}</a>
<a href="${link(helpPaths.support(frame.language))}">${nav.support}</a>
<a href="${link(helpPaths.privacy(frame.language))}">${nav.privacy}</a>
<a class="other" lang="${other}" hreflang="${other}" href="${link(frame.otherLanguagePath)}">${nav.other}</a>
</nav>
<main>
<p>${escapeHtml(frame.appName)}</p>
<h1>${escapeHtml(frame.title)}</h1>
${frame.body}
</main>
</body>
</html>
`;
}

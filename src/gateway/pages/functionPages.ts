/**
 * The function help pages, rendered from the function catalogue (the same source as both functions
 * JSONs): one page per function with what it answers, its arguments, columns, examples and errors, and an
 * index. Formulas are written the way the reader's Excel takes them: the gateway's namespace, the Dutch
 * name, `;` between arguments and WAAR/ONWAAR in Dutch.
 */
import { FUNCTION_CATALOGUE } from "../../shared/functions/catalogue";
import type { CatalogueLanguage, ExampleDoc, FunctionDoc } from "../../shared/functions/types";
import { helpPaths } from "../../shared/helpPaths";
import { escapeHtml, renderPage } from "./layout";

interface Labels {
  indexTitle: string;
  indexIntro: string;
  arguments: string;
  argument: string;
  noArguments: string;
  columns: string;
  columnsNote: string;
  examples: string;
  errors: string;
  allFunctions: string;
  common: readonly [string, string][];
}

const LABELS: Record<CatalogueLanguage, Labels> = {
  en: {
    indexTitle: "Functions",
    indexIntro:
      "Each function returns a table that spills into the cells below and to the right: a header row first (unless headers is FALSE), then one row per record. Sign in first, in the task pane or with Sign in on the Exact Online tab.",
    arguments: "Arguments",
    argument: "Argument",
    noArguments: "None.",
    columns: "Columns",
    columnsNote: "The column headings are the same in every language.",
    examples: "Examples",
    errors: "Errors",
    allFunctions: "All functions",
    common: [
      [
        "#N/A",
        "Sign in to Exact Online (EOL task pane): you are not signed in, or your session ended. Sign in, then choose Refresh all on the Exact Online tab.",
      ],
      [
        "#N/A",
        "Exact Online is busy or unavailable, or the division's daily calls are used up: the message says which and when to try again.",
      ],
      ["#VALUE!", "An argument Excel cannot use: the message names the argument and what it accepts."],
      ["#BUSY!", "The data is on its way from Exact Online."],
      ["#SPILL!", "Cells below or to the right are not empty: clear them so the table fits."],
    ],
  },
  nl: {
    indexTitle: "Functies",
    indexIntro:
      "Elke functie geeft een tabel die doorloopt in de cellen eronder en ernaast: eerst een koprij (tenzij kopteksten ONWAAR is), dan één rij per record. Meld u eerst aan, in het taakvenster of met Aanmelden op het tabblad Exact Online.",
    arguments: "Argumenten",
    argument: "Argument",
    noArguments: "Geen.",
    columns: "Kolommen",
    columnsNote: "De kolomkoppen zijn in elke taal hetzelfde (Engels).",
    examples: "Voorbeelden",
    errors: "Foutwaarden",
    allFunctions: "Alle functies",
    common: [
      [
        "#N/B",
        "Sign in to Exact Online (EOL task pane): u bent niet aangemeld, of uw sessie is afgelopen. Meld u aan en kies dan Alles vernieuwen op het tabblad Exact Online.",
      ],
      [
        "#N/B",
        "Exact Online is bezet of niet bereikbaar, of de dagelijkse aanroepen van de administratie zijn op: de melding zegt welke en wanneer het weer kan.",
      ],
      [
        "#WAARDE!",
        "Een argument dat niet bruikbaar is: de melding noemt het argument en wat het accepteert.",
      ],
      ["#BUSY!", "De gegevens zijn onderweg uit Exact Online."],
      ["#SPILL!", "Cellen eronder of ernaast zijn niet leeg: maak ze leeg zodat de tabel past."],
    ],
  },
};

/** Excel's own names for its error values and booleans in Dutch. */
const DUTCH: Record<string, string> = {
  "#N/A": "#N/B",
  "#VALUE!": "#WAARDE!",
  TRUE: "WAAR",
  FALSE: "ONWAAR",
};

function translated(token: string, language: CatalogueLanguage): string {
  return language === "nl" ? (DUTCH[token] ?? token) : token;
}

/** A call as typed in Excel in this language: =NS.NAME(arg, arg) or =NS.NAAM(arg; arg). */
export function formulaFor(
  doc: FunctionDoc,
  example: ExampleDoc,
  language: CatalogueLanguage,
  namespace: string,
): string {
  const args = example.args.map((arg) => translated(arg, language)).join(language === "nl" ? "; " : ", ");
  return `=${namespace}.${doc.name[language]}(${args})`;
}

function signature(doc: FunctionDoc, language: CatalogueLanguage, namespace: string): string {
  const args = doc.parameters.map((p) => p.name[language]).join(language === "nl" ? "; " : ", ");
  return `=${namespace}.${doc.name[language]}(${args})`;
}

export interface HelpSite {
  baseUrl: string;
  appName: Record<CatalogueLanguage, string>;
  namespace: string;
}

export function renderFunctionPage(doc: FunctionDoc, language: CatalogueLanguage, site: HelpSite): string {
  const labels = LABELS[language];
  const rows = doc.parameters
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name[language])}</code></td><td>${escapeHtml(p.help[language])}</td></tr>`,
    )
    .join("\n");
  const argumentsHtml = doc.parameters.length
    ? `<table><thead><tr><th>${labels.argument}</th><th></th></tr></thead><tbody>\n${rows}\n</tbody></table>`
    : `<p>${labels.noArguments}</p>`;
  const columns = doc.columns.length
    ? `<h2>${labels.columns}</h2><p>${doc.columns.map((c) => `<code>${escapeHtml(c)}</code>`).join(", ")}</p><p>${labels.columnsNote}</p>`
    : "";
  const examples = doc.examples
    .map(
      (e) =>
        `<li><code>${escapeHtml(formulaFor(doc, e, language, site.namespace))}</code> — ${escapeHtml(e.says[language])}</li>`,
    )
    .join("\n");
  const errors = [
    ...doc.errors.map((e) => [translated(e.error, language), e.when[language]] as const),
    ...labels.common,
  ]
    .map(([code, when]) => `<li><code>${escapeHtml(code)}</code> — ${escapeHtml(when)}</li>`)
    .join("\n");
  const body = `<p><code>${escapeHtml(signature(doc, language, site.namespace))}</code></p>
<p>${escapeHtml(doc.summary[language])}</p>
<p>${escapeHtml(doc.details[language])}</p>
<h2>${labels.arguments}</h2>
${argumentsHtml}
${columns}
<h2>${labels.examples}</h2>
<ul>
${examples}
</ul>
<h2>${labels.errors}</h2>
<ul>
${errors}
</ul>
<p><a href="${escapeHtml(site.baseUrl + helpPaths.index(language))}">${labels.allFunctions}</a></p>`;
  return renderPage({
    language,
    title: `${site.namespace}.${doc.name[language]}`,
    appName: site.appName[language],
    baseUrl: site.baseUrl,
    otherLanguagePath: helpPaths.function(language === "en" ? "nl" : "en", doc.id),
    body,
  });
}

export function renderFunctionIndex(language: CatalogueLanguage, site: HelpSite): string {
  const labels = LABELS[language];
  const items = FUNCTION_CATALOGUE.map(
    (doc) =>
      `<li><a href="${escapeHtml(site.baseUrl + helpPaths.function(language, doc.id))}"><code>${escapeHtml(
        `${site.namespace}.${doc.name[language]}`,
      )}</code></a> — ${escapeHtml(doc.summary[language])}</li>`,
  ).join("\n");
  return renderPage({
    language,
    title: labels.indexTitle,
    appName: site.appName[language],
    baseUrl: site.baseUrl,
    otherLanguagePath: helpPaths.index(language === "en" ? "nl" : "en"),
    body: `<p>${escapeHtml(labels.indexIntro)}</p>\n<ul>\n${items}\n</ul>`,
  });
}

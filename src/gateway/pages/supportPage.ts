/** The support page: the gateway's own contact (EOL_SUPPORT_URL / EOL_SUPPORT_EMAIL) and the project's. */
import packageJson from "../../../package.json";
import type { CatalogueLanguage } from "../../shared/functions/types";
import { EXACT_APP_CENTER_URL, helpPaths } from "../../shared/helpPaths";
import type { SupportContact } from "../config/addin";
import type { HelpSite } from "./functionPages";
import { escapeHtml, renderPage } from "./layout";

/**
 * The open-source project's issue tracker, for problems with the add-in itself: package.json's
 * `bugs.url`, the one place that names it (left out of the page while it is not set).
 */
export const PROJECT_ISSUES_URL: string | null =
  (packageJson as { bugs?: { url?: string } }).bugs?.url ?? null;

const TEXTS = {
  en: {
    title: "Support",
    contact: "Your organisation's support for this add-in:",
    noContact:
      "This gateway names no support contact. Ask whoever installed the add-in in your organisation (usually IT).",
    website: "Support page",
    email: "E-mail",
    first: "Before you ask",
    steps: [
      "Open the task pane (Show task pane on the Exact Online tab): it shows whether you are signed in, and its guide explains the sign-in errors.",
      "A cell with #N/A or #VALUE! says what is wrong in its message: select the cell and point at the error icon.",
      "=EOL.VERSION() gives the add-in's version: mention it when you ask for help.",
    ],
    exactApp:
      "Signing in needs an app registered in Exact Online's App Center by someone with the Manage subscription role:",
    project: "Problems with the add-in itself, and ideas: the project's issue tracker",
  },
  nl: {
    title: "Ondersteuning",
    contact: "De ondersteuning van uw organisatie voor deze invoegtoepassing:",
    noContact:
      "Deze gateway noemt geen contact voor ondersteuning. Vraag het wie de invoegtoepassing in uw organisatie heeft geïnstalleerd (meestal IT).",
    website: "Ondersteuningspagina",
    email: "E-mail",
    first: "Voordat u het vraagt",
    steps: [
      "Open het taakvenster (Taakvenster tonen op het tabblad Exact Online): het toont of u bent aangemeld, en de uitleg daarin beschrijft de aanmeldfouten.",
      "Een cel met #N/B of #WAARDE! zegt in de melding wat er mis is: selecteer de cel en wijs het foutpictogram aan.",
      "=EOL.VERSIE() geeft de versie van de invoegtoepassing: noem die als u om hulp vraagt.",
    ],
    exactApp:
      "Aanmelden vraagt een app die in het App Center van Exact Online is geregistreerd door iemand met de rol Abonnement beheren:",
    project: "Problemen met de invoegtoepassing zelf, en ideeën: het issueoverzicht van het project",
  },
} as const;

export function renderSupportPage(
  language: CatalogueLanguage,
  site: HelpSite,
  contact: SupportContact,
): string {
  const t = TEXTS[language];
  const ns = (text: string) => text.split("=EOL.").join(`=${site.namespace}.`);
  const ways = [
    contact.url
      ? `<li>${t.website}: <a href="${escapeHtml(contact.url)}">${escapeHtml(contact.url)}</a></li>`
      : "",
    contact.email
      ? `<li>${t.email}: <a href="mailto:${escapeHtml(contact.email)}">${escapeHtml(contact.email)}</a></li>`
      : "",
  ].join("");
  const contactHtml = ways ? `<p>${t.contact}</p><ul>${ways}</ul>` : `<p>${t.noContact}</p>`;
  const body = `${contactHtml}
<h2>${t.first}</h2>
<ul>${t.steps.map((step) => `<li>${escapeHtml(ns(step))}</li>`).join("")}</ul>
<p>${t.exactApp} <a href="${EXACT_APP_CENTER_URL}">${EXACT_APP_CENTER_URL}</a></p>
${PROJECT_ISSUES_URL ? `<p>${t.project}: <a href="${escapeHtml(PROJECT_ISSUES_URL)}">${escapeHtml(PROJECT_ISSUES_URL)}</a></p>` : ""}`;
  return renderPage({
    language,
    title: t.title,
    appName: site.appName[language],
    baseUrl: site.baseUrl,
    otherLanguagePath: helpPaths.support(language === "en" ? "nl" : "en"),
    body,
  });
}

/**
 * The privacy statement: what this gateway stores, for how long and how it is protected, with the
 * lifetimes this gateway is configured with. Kept true to the store (store/migrations.ts, crypto/,
 * signin/sessions.ts, cache/, logging.ts); docs/deploy.md says the same for administrators.
 */
import type { CatalogueLanguage } from "../../shared/functions/types";
import { helpPaths } from "../../shared/helpPaths";
import type { GatewayConfig } from "../config/config";
import type { HelpSite } from "./functionPages";
import { escapeHtml, renderPage } from "./layout";

type Lifetimes = Pick<
  GatewayConfig,
  "sessionIdleDays" | "sessionMaxDays" | "cacheTtlSeconds" | "databaseUrl"
>;

interface Section {
  heading: string;
  items: string[];
}

function sections(language: CatalogueLanguage, l: Lifetimes): { intro: string; sections: Section[] } {
  const cacheWhere = l.databaseUrl
    ? {
        en: "in the shared PostgreSQL database, encrypted like the tokens",
        nl: "in de gedeelde PostgreSQL-database, versleuteld zoals de tokens",
      }
    : { en: "in the gateway's memory only", nl: "alleen in het geheugen van de gateway" };
  if (language === "nl") {
    return {
      intro:
        "Deze invoegtoepassing praat alleen met deze gateway, en de gateway alleen met Exact Online. Er zijn geen cookies, geen tracking en geen andere partijen. Dit is wat de gateway bewaart:",
      sections: [
        {
          heading: "Aanmelden",
          items: [
            "Tijdens een aanmelding (hooguit 10 minuten): het land, de client-ID en het clientgeheim van de Exact-app en de redirect-URI; van het aanmeldgeheim en de OAuth-state alleen een SHA-256-hash.",
            "Uw sessie: van het sessietoken alleen een SHA-256-hash, met uw Exact-gebruikers-ID, naam, gebruikersnaam, e-mailadres, land, client-ID en huidige administratie.",
            `Een sessie eindigt na ${l.sessionIdleDays} dagen zonder gebruik of ${l.sessionMaxDays} dagen na het aanmelden, of als u zich afmeldt; verlopen aanmeldingen en sessies worden bij het starten en elk uur gewist.`,
          ],
        },
        {
          heading: "Tokens van Exact Online",
          items: [
            "Per Exact-gebruiker en app één set tokens (toegangs- en vernieuwingstoken) met het clientgeheim, versleuteld met AES-256-GCM met de sleutel van de gateway (EOL_SECRET_KEY of een sleutelbestand in de gegevensmap).",
            "Die set wordt gewist zodra Exact de tokens niet meer aanvaardt; een nieuwe aanmelding vervangt ze.",
          ],
        },
        {
          heading: "Gegevens uit Exact Online",
          items: [
            `Antwoorden van Exact worden ${l.cacheTtlSeconds} seconden bewaard, ${cacheWhere.nl}, zodat dezelfde formule Exact niet opnieuw aanroept. Alles vernieuwen en Cache wissen verwijderen ze meteen.`,
            "De tabellen in uw werkmap staan in uw werkmap, niet op de gateway.",
          ],
        },
        {
          heading: "Logboeken",
          items: [
            "Per verzoek de methode, het pad zonder querystring, de host en het IP-adres van de aanvrager. Tokens, geheimen en querywaarden komen nooit in de logboeken.",
          ],
        },
        {
          heading: "In uw browser of Office",
          items: [
            "De verbindingsinstellingen (land, client-ID, redirect-URI) en het sessietoken worden in de opslag van de invoegtoepassing bewaard; het clientgeheim nooit. Afmelden wist het sessietoken.",
          ],
        },
      ],
    };
  }
  return {
    intro:
      "This add-in talks only to this gateway, and the gateway only to Exact Online. There are no cookies, no tracking and no other parties. This is what the gateway stores:",
    sections: [
      {
        heading: "Signing in",
        items: [
          "During a sign-in (10 minutes at most): the country, the Exact app's client ID and client secret and the redirect URI; of the login secret and the OAuth state only a SHA-256 hash.",
          "Your session: of the session token only a SHA-256 hash, with your Exact user ID, name, user name, e-mail address, country, client ID and current division.",
          `A session ends after ${l.sessionIdleDays} days unused or ${l.sessionMaxDays} days after sign-in, or when you sign out; expired sign-ins and sessions are deleted at start-up and every hour.`,
        ],
      },
      {
        heading: "Exact Online tokens",
        items: [
          "One set of tokens (access and refresh token) per Exact user and app, with the client secret, encrypted with AES-256-GCM under the gateway's key (EOL_SECRET_KEY, or a key file in the data directory).",
          "The set is deleted as soon as Exact no longer accepts its tokens; a new sign-in replaces them.",
        ],
      },
      {
        heading: "Data from Exact Online",
        items: [
          `Exact's answers are kept for ${l.cacheTtlSeconds} seconds, ${cacheWhere.en}, so the same formula does not call Exact again. Refresh all and Clear cache delete them at once.`,
          "The tables in your workbook live in your workbook, not on the gateway.",
        ],
      },
      {
        heading: "Logs",
        items: [
          "Per request the method, the path without its query string, the host and the caller's IP address. Tokens, secrets and query values never reach the logs.",
        ],
      },
      {
        heading: "In your browser or Office",
        items: [
          "The connection settings (country, client ID, redirect URI) and the session token are kept in the add-in's storage; the client secret never is. Signing out deletes the session token.",
        ],
      },
    ],
  };
}

export function renderPrivacyPage(language: CatalogueLanguage, site: HelpSite, lifetimes: Lifetimes): string {
  const { intro, sections: parts } = sections(language, lifetimes);
  const body = [
    `<p>${escapeHtml(intro)}</p>`,
    ...parts.map(
      (part) =>
        `<h2>${escapeHtml(part.heading)}</h2><ul>${part.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`,
    ),
  ].join("\n");
  return renderPage({
    language,
    title: language === "nl" ? "Privacyverklaring" : "Privacy statement",
    appName: site.appName[language],
    baseUrl: site.baseUrl,
    otherLanguagePath: helpPaths.privacy(language === "en" ? "nl" : "en"),
    body,
  });
}

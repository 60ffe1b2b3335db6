/** Catalogue entries of the functions that read Exact's divisions, users and any resource. */
import { DIVISION, HEADERS } from "./parameters";
import type { FunctionDoc } from "./types";

const NO_ACCESS = {
  error: "#N/A",
  when: {
    en: "The division is not granted to the app, blocked or archived: the message names it.",
    nl: "De administratie is niet aan de app gekoppeld, geblokkeerd of gearchiveerd: de melding noemt hem.",
  },
} as const;

export const VERSION: FunctionDoc = {
  id: "VERSION",
  name: { en: "VERSION", nl: "VERSIE" },
  summary: {
    en: "The version of the EOL for Excel add-in.",
    nl: "De versie van de invoegtoepassing EOL voor Excel.",
  },
  details: {
    en: 'The add-in\'s version, for example "1.0.0": handy when you report a problem.',
    nl: 'De versie van de invoegtoepassing, bijvoorbeeld "1.0.0": handig als u een probleem meldt.',
  },
  parameters: [],
  columns: [],
  examples: [{ args: [], says: { en: "The version, as text.", nl: "De versie, als tekst." } }],
  errors: [],
};

export const DIVISIONS: FunctionDoc = {
  id: "DIVISIONS",
  name: { en: "DIVISIONS", nl: "ADMINISTRATIES" },
  summary: {
    en: "The Exact Online divisions (administrations) you can use, as a table that spills.",
    nl: "De Exact Online-administraties die u kunt gebruiken, als tabel die doorloopt.",
  },
  details: {
    en: 'One row per division you may open in Exact Online, or with scope "license" every division of the license.',
    nl: 'Eén rij per administratie die u in Exact Online mag openen, of met bereik "license" elke administratie van de licentie.',
  },
  parameters: [
    HEADERS,
    {
      name: { en: "scope", nl: "bereik" },
      help: {
        en: '"accessible" (default) for the divisions you may open, or "license" for every division of the license.',
        nl: '"accessible" (standaard) voor de administraties die u mag openen, of "license" voor elke administratie van de licentie.',
      },
    },
  ],
  columns: [
    "Division",
    "Name",
    "HID",
    "Country",
    "Currency",
    "Status",
    "Main division",
    "Customer name",
    "Blocking status",
    "Start date",
  ],
  examples: [
    {
      args: [],
      says: { en: "All your divisions, with a header row.", nl: "Al uw administraties, met een koprij." },
    },
    {
      args: ["TRUE", '"license"'],
      says: { en: "Every division of the license.", nl: "Elke administratie van de licentie." },
    },
  ],
  errors: [
    {
      error: "#VALUE!",
      when: {
        en: 'scope is not "accessible" or "license".',
        nl: 'bereik is niet "accessible" of "license".',
      },
    },
  ],
};

export const USERS: FunctionDoc = {
  id: "USERS",
  name: { en: "USERS", nl: "GEBRUIKERS" },
  summary: {
    en: "The users of an Exact Online division.",
    nl: "De gebruikers van een Exact Online-administratie.",
  },
  details: {
    en: "One row per user of the division, with their login dates.",
    nl: "Eén rij per gebruiker van de administratie, met de aanmelddatums.",
  },
  parameters: [DIVISION, HEADERS],
  columns: ["Division", "User ID", "Full name", "User name", "Email", "Start date", "End date", "Last login"],
  examples: [
    {
      args: ["441793"],
      says: { en: "The users of division 441793.", nl: "De gebruikers van administratie 441793." },
    },
    {
      args: ["A2", "FALSE"],
      says: {
        en: "The users of the division whose code is in A2, without a header row.",
        nl: "De gebruikers van de administratie waarvan de code in A2 staat, zonder koprij.",
      },
    },
  ],
  errors: [NO_ACCESS],
};

export const WHOAMI: FunctionDoc = {
  id: "WHOAMI",
  name: { en: "WHOAMI", nl: "WIEBENIK" },
  summary: {
    en: "The signed-in Exact Online user, country and current division.",
    nl: "De aangemelde Exact Online-gebruiker, het land en de huidige administratie.",
  },
  details: {
    en: "One row about you as signed in: handy to check which account and division the formulas use.",
    nl: "Eén rij over u zoals u bent aangemeld: handig om te zien welk account en welke administratie de formules gebruiken.",
  },
  parameters: [HEADERS],
  columns: ["User ID", "Full name", "User name", "Email", "Current division", "Language", "Country"],
  examples: [{ args: [], says: { en: "You, in one row.", nl: "Uzelf, in één rij." } }],
  errors: [],
};

export const QUERY: FunctionDoc = {
  id: "QUERY",
  name: { en: "QUERY", nl: "OPVRAGEN" },
  summary: {
    en: "Any read-only Exact Online resource of a division, as a table.",
    nl: "Elke alleen-lezen Exact Online-bron van een administratie, als tabel.",
  },
  details: {
    en: "Reads the fields you name from any read-only resource of Exact Online's REST API, one row per record, one column per field in the order given. The fields are required: Exact reads only the fields asked for.",
    nl: "Leest de velden die u noemt uit elke alleen-lezen bron van de REST API van Exact Online, één rij per record, één kolom per veld in de gegeven volgorde. De velden zijn verplicht: Exact leest alleen de gevraagde velden.",
  },
  parameters: [
    {
      name: { en: "resource", nl: "bron" },
      help: {
        en: 'The resource, for example "crm/Accounts" or "salesinvoice/SalesInvoices".',
        nl: 'De bron, bijvoorbeeld "crm/Accounts" of "salesinvoice/SalesInvoices".',
      },
    },
    {
      name: { en: "select", nl: "velden" },
      help: {
        en: 'The fields to read: names separated by commas such as "Code,Name", or a range of names.',
        nl: 'De velden om te lezen: namen met komma\'s ertussen zoals "Code,Name", of een bereik met namen.',
      },
    },
    {
      name: { en: "filter", nl: "voorwaarde" },
      help: {
        en: "An OData filter, for example \"Status eq 'C'\"; empty for all rows.",
        nl: "Een OData-filter, bijvoorbeeld \"Status eq 'C'\"; leeg voor alle rijen.",
      },
    },
    DIVISION,
    {
      name: { en: "orderby", nl: "sortering" },
      help: {
        en: 'Sort order, for example "Name desc"; empty for Exact\'s order.',
        nl: 'Sorteervolgorde, bijvoorbeeld "Name desc"; leeg voor de volgorde van Exact.',
      },
    },
    {
      name: { en: "top", nl: "maximum" },
      help: {
        en: "At most this many rows (1 to 100,000); empty for all rows.",
        nl: "Hoogstens zoveel rijen (1 tot 100.000); leeg voor alle rijen.",
      },
    },
    HEADERS,
  ],
  columns: [],
  examples: [
    {
      args: ['"crm/Accounts"', '"Code,Name,City"', "\"Status eq 'C'\"", "441793", '"Name"', "100"],
      says: {
        en: "The first 100 customers of division 441793 by name.",
        nl: "De eerste 100 klanten van administratie 441793 op naam.",
      },
    },
  ],
  errors: [
    {
      error: "#VALUE!",
      when: {
        en: "An unknown resource or field, or a filter Exact cannot read: the message says which.",
        nl: "Een onbekende bron of onbekend veld, of een filter dat Exact niet kan lezen: de melding zegt welke.",
      },
    },
    NO_ACCESS,
  ],
};

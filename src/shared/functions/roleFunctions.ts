/** Catalogue entries of the functions about user roles: the access-review functions. */
import { DIVISIONS_ALL, HEADERS, ROLES_FILTER } from "./parameters";
import type { ErrorDoc, FunctionDoc } from "./types";

const BAD_ROLE: ErrorDoc = {
  error: "#VALUE!",
  when: {
    en: "A role is not a whole number, or there are more than 50 roles.",
    nl: "Een rol is geen geheel getal, of er zijn meer dan 50 rollen.",
  },
};

const BAD_DIVISIONS: ErrorDoc = {
  error: "#VALUE!",
  when: {
    en: 'A division is not a code, "all" or "current", or there are more than 1,000 divisions.',
    nl: 'Een administratie is geen code, "all" of "current", of er zijn meer dan 1.000 administraties.',
  },
};

export const USERROLES: FunctionDoc = {
  id: "USERROLES",
  name: { en: "USERROLES", nl: "GEBRUIKERSROLLEN" },
  summary: {
    en: "The roles of the users in one or more divisions.",
    nl: "De rollen van de gebruikers in een of meer administraties.",
  },
  details: {
    en: "One row per user role per division: who holds which role, from when to when, and whether it is active today.",
    nl: "Eén rij per gebruikersrol per administratie: wie welke rol heeft, van wanneer tot wanneer, en of die vandaag actief is.",
  },
  parameters: [
    {
      name: DIVISIONS_ALL.name,
      help: {
        en: 'A division code, a range or comma list of codes, "all" or "current"; empty for your current division.',
        nl: 'Een administratiecode, een bereik of lijst met codes, "all" of "current"; leeg voor uw huidige administratie.',
      },
    },
    { name: { en: "role", nl: "rol" }, help: ROLES_FILTER.help },
    {
      name: { en: "activeOnly", nl: "alleenActief" },
      help: {
        en: "TRUE (default) for roles active today only, FALSE to include ended and future roles.",
        nl: "WAAR (standaard) voor alleen de rollen die vandaag actief zijn, ONWAAR om ook beëindigde en toekomstige rollen te tonen.",
      },
    },
    HEADERS,
  ],
  columns: [
    "Division",
    "User ID",
    "Full name",
    "User name",
    "Role",
    "Role description",
    "Role level",
    "Start date",
    "End date",
    "Active today",
  ],
  examples: [
    {
      args: ['"all"'],
      says: {
        en: "Every active role in all your divisions.",
        nl: "Elke actieve rol in al uw administraties.",
      },
    },
    {
      args: ["A2:A5", "274"],
      says: {
        en: "Who holds role 274 in the divisions listed in A2:A5.",
        nl: "Wie rol 274 heeft in de administraties in A2:A5.",
      },
    },
    {
      args: ["441793", "", "FALSE"],
      says: { en: "Also the ended and future roles.", nl: "Ook de beëindigde en toekomstige rollen." },
    },
  ],
  errors: [BAD_DIVISIONS, BAD_ROLE],
};

export const ROLEHOLDERS: FunctionDoc = {
  id: "ROLEHOLDERS",
  name: { en: "ROLEHOLDERS", nl: "ROLHOUDERS" },
  summary: {
    en: "Who holds a role today in all your divisions (or those given), with the divisions where they hold it.",
    nl: "Wie vandaag een rol heeft in al uw administraties (of de opgegeven), met de administraties waar dat zo is.",
  },
  details: {
    en: 'One row per user who holds the role(s) today (no end date, or one today or later). With role 274 it answers "who may manage subscriptions, and so register apps?" across your whole Exact environment.',
    nl: 'Eén rij per gebruiker die de rol(len) vandaag heeft (geen einddatum, of een einddatum vandaag of later). Met rol 274 beantwoordt deze functie "wie mag abonnementen beheren, en dus apps registreren?" over uw hele Exact-omgeving.',
  },
  parameters: [
    {
      name: { en: "role", nl: "rol" },
      help: {
        en: "A role number such as 274, or a range or comma list of role numbers.",
        nl: "Een rolnummer zoals 274, of een bereik of lijst met rolnummers.",
      },
    },
    DIVISIONS_ALL,
    HEADERS,
  ],
  columns: ["User ID", "Full name", "User name", "Email", "Roles", "Divisions"],
  examples: [
    {
      args: ["274"],
      says: {
        en: "Who may manage subscriptions in any of your divisions.",
        nl: "Wie abonnementen mag beheren in een van uw administraties.",
      },
    },
  ],
  errors: [BAD_ROLE, BAD_DIVISIONS],
};

export const ROLES: FunctionDoc = {
  id: "ROLES",
  name: { en: "ROLES", nl: "ROLLEN" },
  summary: {
    en: "The role catalogue as seen in the data: each role number with Exact's description, role level, and how many users and divisions hold it today.",
    nl: "De rollenlijst zoals die in de gegevens voorkomt: elk rolnummer met de omschrijving van Exact, het rolniveau en hoeveel gebruikers en administraties de rol vandaag hebben.",
  },
  details: {
    en: "One row per role number found in the role rows of the divisions. The descriptions are Exact's own, in your Exact language; role numbers no row uses do not appear.",
    nl: "Eén rij per rolnummer dat in de rolregels van de administraties voorkomt. De omschrijvingen zijn die van Exact, in uw Exact-taal; rolnummers die geen regel gebruikt, staan er niet in.",
  },
  parameters: [DIVISIONS_ALL, HEADERS],
  columns: ["Role", "Role description", "Role level", "Active holders", "Divisions held"],
  examples: [
    { args: [], says: { en: "Every role held in your divisions.", nl: "Elke rol in uw administraties." } },
  ],
  errors: [BAD_DIVISIONS],
};

export const ROLECHANGES: FunctionDoc = {
  id: "ROLECHANGES",
  name: { en: "ROLECHANGES", nl: "ROLWIJZIGINGEN" },
  summary: {
    en: "Roles granted (or starting later), ended, or ending within 30 days, on or after a date; newest first, with who made the change.",
    nl: "Rollen toegekend (of later ingaand), beëindigd of binnen 30 dagen eindigend, op of na een datum; nieuwste eerst, met wie de wijziging deed.",
  },
  details: {
    en: "Granted: a role row that started (or was created) on or after the date. Starting: granted, but its start date is after today. Ended: an end date from that date up to yesterday. Ending: an end date from today to 30 days ahead. Changed by is who entered or last changed the row.",
    nl: "Toegekend: een rolregel die op of na de datum begon (of werd aangemaakt). Ingaand: toegekend, maar de begindatum ligt na vandaag. Beëindigd: een einddatum vanaf die datum tot gisteren. Eindigend: een einddatum van vandaag tot 30 dagen vooruit. Gewijzigd door is wie de regel invoerde of het laatst wijzigde.",
  },
  parameters: [
    {
      name: { en: "since", nl: "vanaf" },
      help: {
        en: 'The first day to look at: a date such as DATE(2026,1,1), or a text such as "2026-01-01".',
        nl: 'De eerste dag om te bekijken: een datum zoals DATUM(2026;1;1), of een tekst zoals "2026-01-01".',
      },
    },
    DIVISIONS_ALL,
    ROLES_FILTER,
    HEADERS,
  ],
  columns: [
    "Change",
    "Date",
    "Division",
    "User ID",
    "Full name",
    "User name",
    "Role",
    "Role description",
    "Changed by",
    "Start date",
    "End date",
  ],
  examples: [
    {
      args: ['"2026-01-01"'],
      says: { en: "Every change since 1 January 2026.", nl: "Elke wijziging sinds 1 januari 2026." },
    },
    {
      args: ['"2026-01-01"', '"all"', "274"],
      says: { en: "Only the changes to role 274.", nl: "Alleen de wijzigingen van rol 274." },
    },
  ],
  errors: [
    {
      error: "#VALUE!",
      when: { en: "since is not a date.", nl: "vanaf is geen datum." },
    },
    BAD_DIVISIONS,
    BAD_ROLE,
  ],
};

export const ACCESSISSUES: FunctionDoc = {
  id: "ACCESSISSUES",
  name: { en: "ACCESSISSUES", nl: "TOEGANGSBEVINDINGEN" },
  summary: {
    en: "Users to act on: login ended but roles still active, or active roles and no login for a number of days (or never).",
    nl: "Gebruikers om actie op te nemen: aanmelding beëindigd maar rollen nog actief, of actieve rollen en al een aantal dagen (of nooit) aangemeld.",
  },
  details: {
    en: "Users who hold a role today and whose login has ended, who never logged in, or who have not logged in for the given number of days; one row per user with the first finding that applies, in that order.",
    nl: "Gebruikers die vandaag een rol hebben en van wie de aanmelding is beëindigd, die nooit hebben aangemeld, of die het opgegeven aantal dagen niet hebben aangemeld; één rij per gebruiker met de eerste bevinding die geldt, in die volgorde.",
  },
  parameters: [
    DIVISIONS_ALL,
    {
      name: { en: "inactiveDays", nl: "inactieveDagen" },
      help: {
        en: "Days without a login that count as inactive: 1 to 3650; empty for 90.",
        nl: "Dagen zonder aanmelding die als inactief tellen: 1 tot 3650; leeg voor 90.",
      },
    },
    HEADERS,
  ],
  columns: [
    "Finding",
    "User ID",
    "Full name",
    "User name",
    "Last login",
    "Login end date",
    "Roles",
    "Divisions",
  ],
  examples: [
    {
      args: [],
      says: { en: "Findings over all your divisions.", nl: "Bevindingen over al uw administraties." },
    },
    {
      args: ["", "30"],
      says: { en: "Inactive means 30 days without a login.", nl: "Inactief is 30 dagen niet aangemeld." },
    },
  ],
  errors: [
    {
      error: "#VALUE!",
      when: {
        en: "inactiveDays is not a whole number from 1 to 3650.",
        nl: "inactieveDagen is geen geheel getal van 1 tot 3650.",
      },
    },
    BAD_DIVISIONS,
  ],
};

/** Parameters several functions share, written once so their help reads the same everywhere. */
import type { ParameterDoc } from "./types";

export const HEADERS: ParameterDoc = {
  name: { en: "headers", nl: "kopteksten" },
  help: {
    en: "TRUE (default) to start with a header row, FALSE to leave it out.",
    nl: "WAAR (standaard) om met een koprij te beginnen, ONWAAR om die weg te laten.",
  },
};

export const DIVISION: ParameterDoc = {
  name: { en: "division", nl: "administratie" },
  help: {
    en: "Division code; empty for your current division.",
    nl: "Administratiecode; leeg voor uw huidige administratie.",
  },
};

/** A division list where "empty" means every division you can open. */
export const DIVISIONS_ALL: ParameterDoc = {
  name: { en: "divisions", nl: "administraties" },
  help: {
    en: 'A division code, a range or comma list of codes, "all" or "current"; empty for all divisions you can access.',
    nl: 'Een administratiecode, een bereik of lijst met codes (komma\'s ertussen), "all" of "current"; leeg voor alle administraties waar u toegang toe hebt.',
  },
};

export const ROLES_FILTER: ParameterDoc = {
  name: { en: "roles", nl: "rollen" },
  help: {
    en: "Only these roles: a role number such as 274, or a range or comma list of role numbers; empty for all roles.",
    nl: "Alleen deze rollen: een rolnummer zoals 274, of een bereik of lijst met rolnummers; leeg voor alle rollen.",
  },
};

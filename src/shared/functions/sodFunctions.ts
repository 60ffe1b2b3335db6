/** Catalogue entry of the segregation-of-duties function. */
import { MAX_SOD_RULES } from "../rules/sodRules";
import { DIVISIONS_ALL, HEADERS } from "./parameters";
import type { FunctionDoc } from "./types";

export const SODCONFLICTS: FunctionDoc = {
  id: "SODCONFLICTS",
  name: { en: "SODCONFLICTS", nl: "SCHEIDINGSCONFLICTEN" },
  summary: {
    en: "Users who hold two roles that must be kept apart (your separation rules), per division, today.",
    nl: "Gebruikers die twee rollen hebben die gescheiden moeten blijven (uw scheidingsregels), per administratie, vandaag.",
  },
  details: {
    en: 'Your rules say which roles must be separated: a range of two columns of role numbers (role A, role B) and an optional third with the rule\'s name. One row per rule, user and division where both roles are active today; Since is when the user came to hold both (the later start date). Empty rows, rows starting with "#" and a header row are skipped.',
    nl: 'Uw regels zeggen welke rollen gescheiden moeten zijn: een bereik van twee kolommen met rolnummers (rol A, rol B) en een optionele derde met de naam van de regel. Eén rij per regel, gebruiker en administratie waar beide rollen vandaag actief zijn; Sinds is wanneer de gebruiker beide kreeg (de laatste begindatum). Lege rijen, rijen die met "#" beginnen en een koprij worden overgeslagen.',
  },
  parameters: [
    {
      name: { en: "rules", nl: "regels" },
      help: {
        en: `A range of rules, one per row: role A, role B and optionally the rule's name; at most ${MAX_SOD_RULES} rules.`,
        nl: `Een bereik met regels, één per rij: rol A, rol B en eventueel de naam van de regel; hoogstens ${MAX_SOD_RULES} regels.`,
      },
    },
    DIVISIONS_ALL,
    HEADERS,
  ],
  columns: [
    "Rule",
    "User ID",
    "Full name",
    "User name",
    "Division",
    "Role A",
    "Role A description",
    "Role B",
    "Role B description",
    "Since",
  ],
  examples: [
    {
      args: ["C2:E3"],
      says: {
        en: "Conflicts under the rules in C2:E3, in all your divisions.",
        nl: "Conflicten volgens de regels in C2:E3, in al uw administraties.",
      },
    },
  ],
  errors: [
    {
      error: "#VALUE!",
      when: {
        en: "A rule row is incomplete or not two role numbers, pairs a role with itself, repeats another row, or there are too many rules: the message names the row.",
        nl: "Een regel is onvolledig of geen twee rolnummers, koppelt een rol aan zichzelf, herhaalt een andere rij, of er zijn te veel regels: de melding noemt de rij.",
      },
    },
  ],
};

/** Catalogue entry of the signed-off access reviews (the evidence log). */
import { HEADERS } from "./parameters";
import type { FunctionDoc } from "./types";

export const REVIEWS: FunctionDoc = {
  id: "REVIEWS",
  name: { en: "REVIEWS", nl: "BEOORDELINGEN" },
  summary: {
    en: "The signed-off access reviews of your licence, newest first, with whether each is still intact.",
    nl: "De afgetekende toegangsbeoordelingen van uw licentie, nieuwste eerst, met of elke nog ongewijzigd is.",
  },
  details: {
    en: "One row per sign-off recorded by the gateway: who signed off and when, the divisions and roles reviewed, how many holders, findings and decisions, the review's SHA-256 hash, and whether the hash chain up to it is intact (recomputed on every call).",
    nl: "Eén rij per aftekening die de gateway vastlegde: wie aftekende en wanneer, de beoordeelde administraties en rollen, hoeveel houders, bevindingen en beslissingen, de SHA-256-hash van de beoordeling, en of de hashketen tot en met die beoordeling ongewijzigd is (bij elke aanroep opnieuw berekend).",
  },
  parameters: [HEADERS],
  columns: [
    "Review",
    "Signed off at",
    "Reviewer",
    "Divisions",
    "Roles",
    "Data as of",
    "Holders",
    "Findings",
    "Decisions",
    "Removals",
    "Hash",
    "Verified",
  ],
  examples: [
    {
      args: [],
      says: { en: "Every sign-off of your licence.", nl: "Elke aftekening van uw licentie." },
    },
  ],
  errors: [],
};

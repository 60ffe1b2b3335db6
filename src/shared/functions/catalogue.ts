/**
 * The one source of every text about the EOL functions, in English and Dutch: the build writes
 * functions.json and functions-nl.json from it (localizedMetadata.ts) and the gateway renders the
 * help pages from it, so the languages and the pages never drift apart. functions.ts declares the
 * functions themselves (ids, parameters, types); a build with a function or parameter missing here fails.
 */
import { ACCESSISSUES, ROLECHANGES, ROLEHOLDERS, ROLES, USERROLES } from "./roleFunctions";
import { SODCONFLICTS } from "./sodFunctions";
import { DIVISIONS, QUERY, USERS, VERSION, WHOAMI } from "./tableFunctions";
import { REVIEWS } from "./reviewFunctions";
import type { FunctionDoc } from "./types";

export const FUNCTION_CATALOGUE: readonly FunctionDoc[] = [
  VERSION,
  DIVISIONS,
  USERS,
  USERROLES,
  ROLEHOLDERS,
  ROLES,
  ROLECHANGES,
  ACCESSISSUES,
  REVIEWS,
  SODCONFLICTS,
  WHOAMI,
  QUERY,
];

export function functionDoc(id: string): FunctionDoc | undefined {
  return FUNCTION_CATALOGUE.find((doc) => doc.id === id);
}

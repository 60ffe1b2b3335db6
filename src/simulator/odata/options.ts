/** Parses the OData system query options of one request, with Exact's error texts for bad ones. */
import { ODataError, syntaxError } from "./errors";
import { parseFilter, type FilterNode } from "./filter";
import type { EntitySchema } from "./schema";

export interface OrderBy {
  field: string;
  descending: boolean;
}

export interface QueryOptions {
  /** Selected fields, or null for all. */
  select: string[] | null;
  filter: FilterNode | null;
  orderBy: OrderBy[];
  top: number | null;
  skip: number;
  inlineCount: boolean;
  /** The key after which this page starts (from `$skiptoken`). */
  skipToken: string | number | null;
  /** `$format=json` asks for JSON like an Accept header does. */
  formatJson: boolean;
  /** `$format=atom`/`xml` asks for Atom regardless of Accept. */
  formatAtom: boolean;
}

const KNOWN = new Set([
  "$select",
  "$filter",
  "$orderby",
  "$top",
  "$skip",
  "$inlinecount",
  "$skiptoken",
  "$format",
  "$expand",
]);
const GUID_TOKEN = /^guid'([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})'$/;

function nonNegativeInteger(raw: string): number {
  if (!/^\d{1,9}$/.test(raw.trim())) throw syntaxError();
  return Number(raw.trim());
}

export interface SelectRules {
  /** Navigation properties that may be selected (sent as `__deferred`). */
  navigations: readonly string[];
}

function parseSelect(raw: string, entity: EntitySchema, rules: SelectRules): string[] | null {
  const names = raw.split(",").map((name) => name.trim());
  if (names.some((name) => name === "")) throw syntaxError();
  if (names.includes("*")) return null;
  for (const name of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw syntaxError();
    if (!entity.fields.has(name) && !rules.navigations.includes(name)) {
      // Exact's text for an unknown $select field (picqer#607).
      throw new ODataError(400, `Type '${entity.typeName}' does not have a property named '${name}'`);
    }
  }
  return [...new Set(names)];
}

function parseOrderBy(raw: string, entity: EntitySchema): OrderBy[] {
  return raw.split(",").map((part) => {
    const words = part.trim().split(/\s+/);
    if (words.length === 0 || words.length > 2 || words[0] === "") throw syntaxError();
    const [field, direction = "asc"] = words;
    if (direction !== "asc" && direction !== "desc") throw syntaxError();
    if (!entity.fields.has(field)) {
      throw new ODataError(400, `No property '${field}' exists in type '${entity.typeName}' at position 0.`);
    }
    return { field, descending: direction === "desc" };
  });
}

function parseSkipToken(raw: string, entity: EntitySchema): string | number {
  const keyType = entity.fields.get(entity.key);
  if (keyType === "Edm.Guid") {
    const match = GUID_TOKEN.exec(raw.trim());
    if (!match) throw syntaxError();
    return match[1].toLowerCase();
  }
  if (!/^-?\d{1,18}L?$/.test(raw.trim())) throw syntaxError();
  return Number(raw.trim().replace(/L$/, ""));
}

export function parseQueryOptions(
  params: URLSearchParams,
  entity: EntitySchema,
  rules: SelectRules,
): QueryOptions {
  const seen = new Set<string>();
  for (const name of params.keys()) {
    if (!name.startsWith("$")) continue;
    if (!KNOWN.has(name)) {
      throw new ODataError(
        400,
        `The query parameter '${name}' begins with a system-reserved '$' character but is not recognized.`,
      );
    }
    if (seen.has(name))
      throw new ODataError(
        400,
        `Query option '${name}' was specified more than once, but it must be specified at most once.`,
      );
    seen.add(name);
  }
  const get = (name: string): string | null => params.get(name);
  const inline = get("$inlinecount");
  if (inline !== null && inline !== "allpages" && inline !== "none") throw syntaxError();
  const format = get("$format");
  if (format !== null && !["json", "atom", "xml"].includes(format)) throw syntaxError();
  const select = get("$select");
  const filter = get("$filter");
  const orderBy = get("$orderby");
  const top = get("$top");
  const skip = get("$skip");
  const skipToken = get("$skiptoken");
  return {
    select: select === null ? null : parseSelect(select, entity, rules),
    filter: filter === null ? null : parseFilter(filter, entity),
    orderBy: orderBy === null ? [] : parseOrderBy(orderBy, entity),
    top: top === null ? null : nonNegativeInteger(top),
    skip: skip === null ? 0 : nonNegativeInteger(skip),
    inlineCount: inline === "allpages",
    skipToken: skipToken === null ? null : parseSkipToken(skipToken, entity),
    formatJson: format === "json",
    formatAtom: format === "atom" || format === "xml",
  };
}

/** OData v2 verbose JSON and a minimal Atom feed, as Exact sends them. */
import type { EntitySchema, Row } from "./schema";

export function keyLiteral(entity: EntitySchema, key: string | number): string {
  return entity.fields.get(entity.key) === "Edm.Guid" ? `guid'${key}'` : String(key);
}

/** Exact's date format in JSON: "/Date(1382667872203)/" (ms since epoch). */
export function jsonDate(ms: number): string {
  return `/Date(${ms})/`;
}

export interface RecordShape {
  entity: EntitySchema;
  /** Absolute URL of the collection, e.g. "http://127.0.0.1:4000/api/v1/123/system/Divisions". */
  collectionUrl: string;
  select: string[] | null;
  /** Navigation properties sent as `__deferred` links. */
  navigations: readonly string[];
}

function fieldValue(entity: EntitySchema, name: string, row: Row): unknown {
  const value = row[name] ?? null;
  if (value !== null && entity.fields.get(name) === "Edm.DateTime") return jsonDate(value as number);
  return value;
}

export function toJsonRecord(row: Row, shape: RecordShape): Record<string, unknown> {
  const { entity } = shape;
  const uri = `${shape.collectionUrl}(${keyLiteral(entity, row[entity.key] as string | number)})`;
  const record: Record<string, unknown> = { __metadata: { uri, type: entity.typeName } };
  const names = shape.select ?? [...entity.fields.keys(), ...shape.navigations];
  for (const name of names) {
    record[name] = shape.navigations.includes(name)
      ? { __deferred: { uri: `${uri}/${name}` } }
      : fieldValue(entity, name, row);
  }
  return record;
}

export function jsonCollection(records: unknown[], count: number | null, next: string | null): string {
  const d: Record<string, unknown> = {};
  if (count !== null) d.__count = String(count);
  d.results = records;
  if (next !== null) d.__next = next;
  return JSON.stringify({ d });
}

const XML_ENTITIES: Record<string, string> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  "'": "&apos;",
  '"': "&quot;",
};

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => XML_ENTITIES[char]);
}

function atomValue(entity: EntitySchema, name: string, row: Row): string {
  const type = entity.fields.get(name) ?? "Edm.String";
  const value = row[name] ?? null;
  const typeAttr = type === "Edm.String" ? "" : ` m:type="${type}"`;
  if (value === null) return `<d:${name}${typeAttr} m:null="true" />`;
  const text =
    type === "Edm.DateTime" ? new Date(value as number).toISOString().replace("Z", "") : String(value);
  return `<d:${name}${typeAttr}>${escapeXml(text)}</d:${name}>`;
}

/** What Exact answers without `Accept: application/json`: an Atom feed (reference §4). */
export function atomFeed(rows: Row[], shape: RecordShape, updated: number, next: string | null): string {
  const { entity } = shape;
  const names = (shape.select ?? [...entity.fields.keys()]).filter((name) => entity.fields.has(name));
  const entries = rows.map((row) => {
    const id = `${shape.collectionUrl}(${keyLiteral(entity, row[entity.key] as string | number)})`;
    const properties = names.map((name) => atomValue(entity, name, row)).join("");
    return (
      `<entry><id>${escapeXml(id)}</id><category term="${entity.typeName}" ` +
      `scheme="http://schemas.microsoft.com/ado/2007/08/dataservices/scheme" />` +
      `<content type="application/xml"><m:properties>${properties}</m:properties></content></entry>`
    );
  });
  const nextLink = next ? `<link rel="next" href="${escapeXml(next)}" />` : "";
  return (
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" ` +
    `xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" ` +
    `xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">` +
    `<id>${escapeXml(shape.collectionUrl)}</id><updated>${new Date(updated).toISOString()}</updated>` +
    `${entries.join("")}${nextLink}</feed>`
  );
}

export function jsonError(message: string): string {
  return JSON.stringify({ error: { code: "", message: { lang: "", value: message } } });
}

export function xmlError(message: string): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><m:error xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">` +
    `<m:code /><m:message xml:lang="">${escapeXml(message)}</m:message></m:error>`
  );
}

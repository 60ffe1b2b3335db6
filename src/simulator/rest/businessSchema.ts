/** Declares a business entity compactly: field names grouped by Edm type, key first, then alphabetical. */
import { schema, type EdmType, type EntitySchema } from "../odata/schema";

const TYPES = {
  guid: "Edm.Guid",
  string: "Edm.String",
  int16: "Edm.Int16",
  int32: "Edm.Int32",
  int64: "Edm.Int64",
  double: "Edm.Double",
  bool: "Edm.Boolean",
  date: "Edm.DateTime",
  byte: "Edm.Byte",
} as const satisfies Record<string, EdmType>;

type FieldGroups = Partial<Record<keyof typeof TYPES, string>> & {
  /** Line collections and other links, sent as `__deferred`. */
  navigations?: string;
  /** Fields whose type is inferred rather than taken from an SDK model (documentation; checked to exist). */
  inferred?: string;
};

export interface BusinessEntity {
  entity: EntitySchema;
  navigations: readonly string[];
  inferred: readonly string[];
}

const words = (text: string | undefined): string[] => (text ?? "").split(/\s+/).filter(Boolean);

export function businessSchema(typeName: string, key: string, groups: FieldGroups): BusinessEntity {
  const fields: Array<[string, EdmType]> = [];
  for (const [group, type] of Object.entries(TYPES)) {
    for (const name of words(groups[group as keyof typeof TYPES])) fields.push([name, type]);
  }
  fields.sort(([a], [b]) => (a === key ? -1 : b === key ? 1 : a.localeCompare(b, "en")));
  const entity = schema(typeName, key, Object.fromEntries(fields));
  if (entity.fields.size !== fields.length) throw new Error(`${typeName} declares a field twice`);
  const inferred = words(groups.inferred);
  const unknown = inferred.filter((name) => !entity.fields.has(name));
  if (unknown.length > 0) throw new Error(`${typeName}: inferred names unknown fields ${unknown.join(", ")}`);
  return { entity, navigations: words(groups.navigations), inferred };
}

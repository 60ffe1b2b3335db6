/** Entity schemas: each resource declares its fields with OData (Edm) types. */
export type EdmType =
  | "Edm.String"
  | "Edm.Int16"
  | "Edm.Int32"
  | "Edm.Int64"
  | "Edm.Double"
  | "Edm.Byte"
  | "Edm.Guid"
  | "Edm.DateTime"
  | "Edm.Boolean";

export interface EntitySchema {
  /** Exact's model type name, used in `__metadata.type` and error texts. */
  typeName: string;
  key: string;
  fields: ReadonlyMap<string, EdmType>;
}

/** Row values: strings, numbers, booleans, dates as epoch ms, or null. */
export type Row = Record<string, string | number | boolean | null>;

export function schema(typeName: string, key: string, fields: Record<string, EdmType>): EntitySchema {
  if (!(key in fields)) throw new Error(`Key ${key} is not a field of ${typeName}`);
  return { typeName, key, fields: new Map(Object.entries(fields)) };
}

/** .NET type names as WCF Data Services prints them in error texts. */
export function clrName(type: EdmType): string {
  return type === "Edm.DateTime" ? "System.DateTime" : `System.${type.slice(4)}`;
}

export function isNumeric(type: EdmType): boolean {
  return ["Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Double", "Edm.Byte"].includes(type);
}

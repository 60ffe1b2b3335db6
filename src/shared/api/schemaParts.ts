/** Small TypeBox building blocks the wire schemas share. */
import { Type, type TSchema } from "@sinclair/typebox";

/** One of a fixed list of strings: one `enum` (fast to serialize), typed as the union of the values. */
export const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: "string", enum: [...values] });

export const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

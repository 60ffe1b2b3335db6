/** The one error shape every non-2xx answer has: `{ error: { code, message } }`. */
import { Type, type Static } from "@sinclair/typebox";
import { ERROR_CODES } from "../errors";
import { oneOf } from "./schemaParts";

export const ApiErrorBody = Type.Object({
  error: Type.Object({
    code: oneOf(ERROR_CODES),
    message: Type.String(),
  }),
});
export type ApiErrorBody = Static<typeof ApiErrorBody>;

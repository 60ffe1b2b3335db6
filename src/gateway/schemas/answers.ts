/**
 * Response schemas: what each route answers, written once so Fastify serializes with a compiled
 * serializer (fast-json-stringify) and never sends a field the wire types do not have.
 */
import { Type } from "@sinclair/typebox";
import type { ColumnType, TableResponse } from "../../shared/api";
import { ERROR_CODES, type ErrorCode } from "../../shared/errors";
import { COUNTRIES, type Country as CountryCode } from "../../shared/countries";

/** One of a fixed list of strings, typed as the shared wire type. */
const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: "string", enum: [...values] });

const nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Number>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: oneOf<ErrorCode>(ERROR_CODES),
    message: Type.String(),
  }),
});

/** One cell: one JSON type list instead of anyOf, so the serializer checks it in one step. */
const Cell = Type.Unsafe<string | number | boolean | null>({ type: ["string", "number", "boolean", "null"] });

export const TableAnswer = Type.Object({
  columns: Type.Array(
    Type.Object({
      name: Type.String(),
      type: oneOf<ColumnType>(["string", "number", "boolean", "date", "guid"]),
    }),
  ),
  rows: Type.Array(Type.Array(Cell)),
  asOf: Type.String(),
  divisions: Type.Array(Type.Number()),
  divisionSource: oneOf<TableResponse["divisionSource"]>(["explicit", "current", "all", "none"]),
  cached: Type.Boolean(),
});

export const StatusAnswer = Type.Object({
  budgets: Type.Array(
    Type.Object({
      division: Type.Number(),
      minuteLimit: nullable(Type.Number()),
      minuteRemaining: nullable(Type.Number()),
      minuteResetAt: nullable(Type.String()),
      dayLimit: nullable(Type.Number()),
      dayRemaining: nullable(Type.Number()),
      dayResetAt: nullable(Type.String()),
    }),
  ),
  cache: Type.Object({
    entries: Type.Number(),
    oldestAsOf: nullable(Type.String()),
    newestAsOf: nullable(Type.String()),
  }),
});

const Country = oneOf<CountryCode>(COUNTRIES);

export const SessionAnswer = Type.Object({
  user: Type.Object({
    id: Type.String(),
    fullName: Type.String(),
    userName: Type.String(),
    email: nullable(Type.String()),
  }),
  country: Country,
  clientIdMasked: Type.String(),
  currentDivision: nullable(Type.Number()),
  managed: Type.Boolean(),
});

export const AuthConfigAnswer = Type.Object({
  managed: Type.Boolean(),
  country: Type.Optional(Country),
  redirectUri: Type.String(),
  countries: Type.Array(Country),
});

export const LoginStartedAnswer = Type.Object({
  loginId: Type.String(),
  startUrl: Type.String(),
  expiresAt: Type.String(),
});

/** Where the sign-in window goes next (auth-complete.html with the new status). */
export const IdentifyAnswer = Type.Object({ location: Type.String() });

export const RedeemAnswer = Type.Object({ sessionToken: Type.String(), session: SessionAnswer });

/** GET /api/v1/progress/:requestId. */
export const ProgressAnswer = Type.Object({
  requestId: Type.String(),
  table: Type.String(),
  done: Type.Integer({ minimum: 0 }),
  total: Type.Integer({ minimum: 0 }),
  finished: Type.Boolean(),
});

/** 204: nothing in the body. */
export const NoContent = Type.Null();

/** Every error status a route can answer, in the one error shape. */
export const ERROR_ANSWERS = { "4xx": ErrorBody, "5xx": ErrorBody } as const;

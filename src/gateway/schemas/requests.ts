/**
 * Request schemas: every route's querystring and params (the bodies are wire types: src/shared/api/auth.ts).
 * Each field's `description` is what it
 * accepts, in the words the error formatter (validationMessage.ts) puts into the 400 answer; checks
 * a schema cannot express (division lists, OData filters) stay in data/ and signin/.
 */
import { Type, type TSchema } from "@sinclair/typebox";
import { DIVISIONS_ACCEPTS, ROLES_ACCEPTS } from "../data/arguments";
import { QUERY_LIMITS } from "../../shared/rules/queryLimits";
import { QUERY_ACCEPTS } from "../data/queryValidation";
import { SOD_RULES_ACCEPTS } from "../data/accessReview/sodConflicts";
import { REQUEST_ID_PATTERN } from "../../shared/api";

/** One query parameter: a single text value (a repeated one is refused). */
const param = (accepts: string, options: { maxLength?: number; pattern?: string } = {}) =>
  Type.Optional(Type.String({ description: accepts, ...options }));

/** A closed querystring: an unknown parameter (a typo) must not silently change the answer. */
const query = <T extends Record<string, TSchema>>(properties: T, required: (keyof T & string)[] = []) =>
  Type.Object(properties, { additionalProperties: false, ...(required.length ? { required } : {}) });

const divisions = param(DIVISIONS_ACCEPTS);
const roles = param(ROLES_ACCEPTS);
const activeOnly = param("accepts true (default) or false");

export const NoQuery = query({});
export const DivisionsQuery = query({
  scope: param('accepts "accessible" (default) or "license"', { pattern: "^(accessible|license)?$" }),
});
export const UsersQuery = query({ division: divisions, divisions });
export const UserRolesQuery = query({ divisions, division: divisions, role: roles, roles, activeOnly });
export const RoleHoldersQuery = query({ roles, role: roles, divisions, division: divisions });

const text = (name: keyof typeof QUERY_LIMITS & keyof typeof QUERY_ACCEPTS) =>
  Type.String({ description: QUERY_ACCEPTS[name], maxLength: QUERY_LIMITS[name] });

export const QueryQuery = Type.Object(
  {
    resource: text("resource"),
    select: text("select"),
    filter: Type.Optional(text("filter")),
    orderby: Type.Optional(text("orderby")),
    top: param(QUERY_ACCEPTS.top),
    division: divisions,
    divisions,
  },
  { additionalProperties: false, required: ["resource", "select"] },
);

export const LoginParams = Type.Object({
  id: Type.String({ maxLength: 100, description: "is a sign-in ID" }),
});

/** GET /api/v1/progress/:requestId: the id the add-in sent as X-EOL-Request-Id. */
export const ProgressParams = Type.Object({
  requestId: Type.String({
    pattern: REQUEST_ID_PATTERN,
    description: "is a request ID: 8 to 64 letters, digits, '-' or '_'",
  }),
});

/** /api/v1/reviews/:id: a review id as GET /api/v1/reviews lists it. */
export const ReviewIdParams = Type.Object({
  id: Type.String({ maxLength: 64, pattern: "^[A-Za-z0-9_-]+$", description: "is a review id" }),
});

/** Exact's redirect: whatever it sends is judged by the callback, which always answers with a page. */
export const CallbackQuery = Type.Object({
  code: Type.Optional(Type.Unknown()),
  state: Type.Optional(Type.Unknown()),
  error: Type.Optional(Type.Unknown()),
  error_description: Type.Optional(Type.Unknown()),
});

export const SignOutQuery = query({
  all: param('must be "true" (every session of this sign-in) or "false"', { pattern: "^(true|false)$" }),
});

const since = param("accepts a day as YYYY-MM-DD, for example 2026-01-01");
const inactiveDays = param("accepts a whole number of days from 1 to 3650");

/** The access review routes: a division scope (every accessible division by default) and their options. */
export const ReviewQuery = query({ divisions, division: divisions });
export const RoleChangesQuery = query({ divisions, division: divisions, since, roles, role: roles });
export const AccessIssuesQuery = query({ divisions, division: divisions, inactiveDays });
const rules = param(SOD_RULES_ACCEPTS, { maxLength: 8000 });
export const SodConflictsQuery = query({ divisions, division: divisions, rules });
export const AccessReviewQuery = query({
  divisions,
  division: divisions,
  since,
  roles,
  role: roles,
  inactiveDays,
  rules,
});

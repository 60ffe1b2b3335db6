/**
 * Size limits the add-in checks before sending and the gateway enforces on arrival, so a cell and a
 * route reject the same input with the same numbers in their messages.
 */

/** The OData options of GET /api/v1/query: lengths in characters, `selectFields` in names, `top` in rows. */
export const QUERY_LIMITS = {
  resource: 100,
  select: 1000,
  selectFields: 100,
  filter: 1000,
  orderby: 300,
  top: 100_000,
} as const;

/** Division codes one argument may list (each becomes at least one call to Exact). */
export const MAX_DIVISIONS_IN_LIST = 1000;

/** Division codes are Exact's Int32 keys. */
export const MAX_DIVISION_CODE = 2_147_483_647;

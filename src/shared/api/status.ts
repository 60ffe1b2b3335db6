/** The gateway's own state as the task pane shows it: rate budgets, cache, and a fan-out's progress. */
import { Type, type Static } from "@sinclair/typebox";
import { nullable } from "./schemaParts";

export const DivisionBudget = Type.Object({
  division: Type.Number(),
  minuteLimit: nullable(Type.Number()),
  minuteRemaining: nullable(Type.Number()),
  minuteResetAt: nullable(Type.String()),
  dayLimit: nullable(Type.Number()),
  dayRemaining: nullable(Type.Number()),
  dayResetAt: nullable(Type.String()),
});
export type DivisionBudget = Static<typeof DivisionBudget>;

/** GET /api/v1/status. */
export const StatusResponse = Type.Object({
  budgets: Type.Array(DivisionBudget),
  cache: Type.Object({
    entries: Type.Number(),
    oldestAsOf: nullable(Type.String()),
    newestAsOf: nullable(Type.String()),
  }),
});
export type StatusResponse = Static<typeof StatusResponse>;

/** GET /api/v1/progress/:requestId: how far the fan-out of one of the caller's requests has come. */
export const ProgressResponse = Type.Object({
  requestId: Type.String(),
  /** The route that asked, e.g. "role-holders", "access-review". */
  table: Type.String(),
  /** Divisions answered so far, of `total`. */
  done: Type.Integer({ minimum: 0 }),
  total: Type.Integer({ minimum: 0 }),
  /** The answer went out (kept briefly so a last poll sees the end). */
  finished: Type.Boolean(),
});
export type ProgressResponse = Static<typeof ProgressResponse>;

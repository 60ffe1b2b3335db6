/** The caller's budgets and cache: GET /api/v1/status and DELETE /api/v1/cache. */
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ERROR_ANSWERS, NoContent } from "../../../schemas/answers";
import { StatusResponse } from "../../../../shared/api/status";
import { NoQuery } from "../../../schemas/requests";
import { caller } from "./answer";

const cacheRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { data, scheduler } = app.exact;

  app.get(
    "/status",
    { schema: { querystring: NoQuery, response: { 200: StatusResponse, ...ERROR_ANSWERS } } },
    async (req): Promise<StatusResponse> => {
      const { session } = caller(req);
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      // Budgets are per app and division, shared by every user of the app: show only the caller's divisions.
      const mine = await data.accessibleCodes(session);
      const budgets = scheduler
        .budgetsOf(session.clientId)
        .filter((budget) => budget.division !== null && mine.has(budget.division))
        .map((budget) => {
          budget.rollOver(data.now());
          return budget;
        })
        .map((budget) => ({
          division: budget.division as number,
          minuteLimit: budget.minuteLimit,
          minuteRemaining: budget.minuteRemaining === null ? null : Math.max(0, budget.minuteRemaining),
          minuteResetAt: iso(budget.minuteResetAt),
          dayLimit: budget.dayLimit,
          dayRemaining: budget.dayRemaining === null ? null : Math.max(0, budget.dayRemaining),
          dayResetAt: iso(budget.dayResetAt),
        }))
        .sort((a, b) => a.division - b.division);
      const stats = await data.cacheStats(session);
      return {
        budgets,
        cache: {
          entries: stats.entries,
          oldestAsOf: iso(stats.oldestAsOf),
          newestAsOf: iso(stats.newestAsOf),
        },
      };
    },
  );

  app.delete(
    "/cache",
    { schema: { querystring: NoQuery, response: { 204: NoContent, ...ERROR_ANSWERS } } },
    async (req, reply) => {
      const { session } = caller(req);
      await data.clearCache(session);
      return reply.status(204).send(null);
    },
  );
};

export default cacheRoutes;

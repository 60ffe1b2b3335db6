/** The caller's budgets and cache: GET /api/v1/status and DELETE /api/v1/cache. */
import type { FastifyInstance, FastifyReply } from "fastify";
import type { StatusResponse } from "../../../../shared/api";
import { rejectUnknownParameters } from "../../../data/arguments";
import { caller } from "./answer";

export default async function cacheRoutes(app: FastifyInstance): Promise<void> {
  const { data, scheduler } = app.exact;

  app.get("/status", async (req): Promise<StatusResponse> => {
    const { session, query } = caller(req);
    rejectUnknownParameters(query, []);
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
      cache: { entries: stats.entries, oldestAsOf: iso(stats.oldestAsOf), newestAsOf: iso(stats.newestAsOf) },
    };
  });

  app.delete("/cache", async (req, reply: FastifyReply) => {
    const { session, query } = caller(req);
    rejectUnknownParameters(query, []);
    await data.clearCache(session);
    return reply.status(204).send();
  });
}

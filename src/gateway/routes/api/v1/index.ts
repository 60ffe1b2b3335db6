/**
 * /api/v1: the data routes. One hook for the whole scope resolves the Bearer session token into
 * `request.eolSession` before anything else (parameter checks included) runs.
 */
import type { FastifyInstance } from "fastify";
import cacheRoutes from "./cache";
import queryRoute from "./query";
import reviewRoutes from "./review";
import roleRoutes from "./roles";
import tableRoutes from "./tables";

export default async function apiV1Routes(app: FastifyInstance): Promise<void> {
  app.addHook("onRequest", async (request) => {
    request.eolSession = await app.sessions.resolve(request.headers.authorization);
  });
  await app.register(tableRoutes);
  await app.register(roleRoutes);
  await app.register(reviewRoutes);
  await app.register(queryRoute);
  await app.register(cacheRoutes);
}

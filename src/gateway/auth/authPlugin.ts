/** The /auth routes, with their own rate limit (per session when signed in, else per client address). */
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import type { AuthServices } from "./authServices";
import { registerLoginRoutes } from "./loginRoutes";
import { authRateLimitKey } from "./rateLimitKey";
import { registerSessionRoutes } from "./sessionRoutes";

export async function authPlugin(app: FastifyInstance, options: { services: AuthServices }): Promise<void> {
  await app.register(rateLimit, {
    max: options.services.config.authRateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: authRateLimitKey(options.services.store),
  });
  registerLoginRoutes(app, options.services);
  registerSessionRoutes(app, options.services);
}

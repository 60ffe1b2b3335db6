/** The /auth routes (sign-in and session), with their own rate limit (per session when signed in, else per client address). */
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import loginRoutes from "./logins";
import sessionRoutes from "./session";

export default async function authRoutes(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    max: app.config.authRateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: app.sessions.rateLimitKey,
  });
  await app.register(loginRoutes);
  await app.register(sessionRoutes);
}

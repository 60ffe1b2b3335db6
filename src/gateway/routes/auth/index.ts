/** The /auth routes (sign-in and session), with their own per-IP rate limit. */
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import loginRoutes from "./logins";
import sessionRoutes from "./session";

export default async function authRoutes(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, { max: app.config.authRateLimitPerMinute, timeWindow: 60_000 });
  await app.register(loginRoutes);
  await app.register(sessionRoutes);
}

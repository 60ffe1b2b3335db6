/**
 * Service: access reviews as evidence (reviews/reviewService.ts): snapshots of what each access review
 * served, sign-off, and the hash-chained reviews, kept in the store (SQLite or PostgreSQL alike).
 */
import fp from "fastify-plugin";
import { ReviewService } from "../reviews/reviewService";

declare module "fastify" {
  interface FastifyInstance {
    reviews: ReviewService;
  }
}

export default fp(
  async (app) => {
    app.decorate("reviews", new ReviewService(app.store.reviews, app.exact.data, app.clock));
  },
  { name: "eol-reviews", dependencies: ["eol-config", "eol-store", "eol-exact"], fastify: "5.x" },
);

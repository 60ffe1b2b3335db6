/** GET /healthz: the gateway is up, and which version it runs. */
import type { FastifyInstance } from "fastify";
import { version } from "../../../package.json";

export default async function healthRoute(app: FastifyInstance): Promise<void> {
  app.get("/healthz", async () => ({ status: "ok", version }));
}

/**
 * Infrastructure: request and answer rules for every route — JSON bodies parsed safely, per-user
 * answers never cached, and keep-alive connections ended once the gateway is closing.
 */
import fp from "fastify-plugin";
import { registerJsonBodyParser } from "./jsonBody";
import { registerDrain } from "../server/shutdown";

export default fp(
  async (app) => {
    // Answers of the API and sign-in routes carry per-user data or secrets: never stored by any cache.
    app.addHook("onSend", (request, reply, payload, done) => {
      if (request.url.startsWith("/api/") || request.url.startsWith("/auth/"))
        reply.header("cache-control", "no-store");
      done(null, payload);
    });
    registerJsonBodyParser(app);
    registerDrain(app);
  },
  { name: "eol-http", fastify: "5.x" },
);

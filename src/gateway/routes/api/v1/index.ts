/**
 * /api/v1: the data routes. One hook for the whole scope resolves the Bearer session token into
 * `request.eolSession` before anything else (parameter checks included) runs, and with it the
 * request's fan-out progress (X-EOL-Request-Id), whose last state is written before the answer goes,
 * and its answer meter (limits and memory), which weighs the finished answer once more and gives its
 * memory back when the answer has gone.
 */
import type { FastifyInstance } from "fastify";
import { progressOf } from "../../../services/progress";
import { answerSize } from "../../../answers/answerSize";
import cacheRoutes from "./cache";
import progressRoute from "./progress";
import queryRoute from "./query";
import reviewRoutes from "./review";
import roleRoutes from "./roles";
import signOffRoutes from "./signOff";
import tableRoutes from "./tables";

export default async function apiV1Routes(app: FastifyInstance): Promise<void> {
  app.addHook("onRequest", async (request, reply) => {
    request.eolSession = await app.sessions.resolve(request);
    request.eolProgress = progressOf(request, request.eolSession.sessionId);
    const answer = app.exact.answers.open(request.log);
    request.eolAnswer = answer;
    // A caller that goes away gets no onResponse: its fetches stop and its memory comes back when the
    // connection closes. An answer sent in full just gives its memory back (aborting costs an Error each).
    reply.raw.once("close", () => (reply.raw.writableFinished ? answer.close() : answer.abandon()));
  });
  // Computed answers (role holders, reviews) are weighed once built, before they are serialized.
  app.addHook("preSerialization", async (request, reply, payload) => {
    if (request.eolAnswer && reply.statusCode === 200) request.eolAnswer.checkAnswer(answerSize(payload));
    return payload;
  });
  app.addHook("onResponse", async (request, reply) => {
    if (request.eolAnswer) app.exact.answers.finish(request.eolAnswer, reply.statusCode);
  });
  app.addHook("onSend", (request, reply, payload, done) => {
    // Most requests carry no request id: they pass without a promise.
    const progress = request.eolProgress;
    if (!progress) return done(null, payload);
    progress.finish(reply.statusCode < 400).then(
      () => done(null, payload),
      (error: Error) => done(error),
    );
  });
  await app.register(tableRoutes);
  await app.register(roleRoutes);
  await app.register(reviewRoutes);
  await app.register(signOffRoutes);
  await app.register(queryRoute);
  await app.register(cacheRoutes);
  await app.register(progressRoute);
}

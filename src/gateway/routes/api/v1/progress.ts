/**
 * GET /api/v1/progress/:requestId: how far one of the caller's own requests has come (divisions done
 * of all), for the task pane's progress bar. Another session's request, one without a fan-out of
 * PROGRESS_MIN_DIVISIONS or more, and one finished a while ago are all "not found".
 */
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { GatewayError } from "../../../errors";
import { ERROR_ANSWERS } from "../../../schemas/answers";
import { ProgressResponse } from "../../../../shared/api/status";
import { NoQuery, ProgressParams } from "../../../schemas/requests";
import { caller } from "./answer";

const progressRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/progress/:requestId",
    {
      schema: {
        params: ProgressParams,
        querystring: NoQuery,
        response: { 200: ProgressResponse, ...ERROR_ANSWERS },
      },
    },
    async (req): Promise<ProgressResponse> => {
      const { session } = caller(req);
      const entry = await app.progressBoard.get(session.sessionId, req.params.requestId, app.clock.now());
      if (!entry) {
        throw new GatewayError(404, "not_found", "No request in progress with this ID for this session.");
      }
      const { requestId, table, done, total, finished } = entry;
      return { requestId, table, done, total, finished };
    },
  );
};

export default progressRoute;

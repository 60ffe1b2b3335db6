/**
 * Every error leaves the gateway as `{ error: { code, message } }` with a clear, user-facing message.
 * Unexpected errors are logged (redacted) and answered without internals.
 */
import type { FastifyError } from "fastify";
import fp from "fastify-plugin";
import type { ApiErrorBody } from "../../shared/errors";
import { GatewayError } from "../errors";

function body(code: ApiErrorBody["error"]["code"], message: string): ApiErrorBody {
  return { error: { code, message } };
}

export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof GatewayError) {
        return reply.status(error.status).send(body(error.code, error.message));
      }
      if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
        return reply.status(413).send(body("payload_too_large", "The request body is too large."));
      }
      if (
        error.validation ||
        error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ||
        error.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
      ) {
        return reply.status(400).send(body("invalid_request", error.message));
      }
      if (error.statusCode === 400 && error.code?.startsWith("FST_ERR_CTP")) {
        return reply.status(400).send(body("invalid_request", "The request body is not valid JSON."));
      }
      if (error.statusCode === 429) {
        return reply
          .status(429)
          .send(body("too_many_requests", "Too many requests; wait a minute and try again."));
      }
      request.log.error({ err: error }, "unhandled error");
      return reply
        .status(500)
        .send(body("internal_error", "The gateway hit an unexpected error. Try again."));
    });
    app.setNotFoundHandler((request, reply) => {
      reply.status(404).send(body("not_found", `Nothing at ${request.method} ${request.url.split("?")[0]}.`));
    });
  },
  { name: "eol-errors", fastify: "5.x" },
);

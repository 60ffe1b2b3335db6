/**
 * Every error leaves the gateway as `{ error: { code, message } }` with a clear, user-facing message.
 * Unexpected errors are logged (redacted) and answered without internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { ApiErrorBody } from "../../shared/errors";
import { GatewayError } from "../errors";
import { validationMessage } from "../schemas/validationMessage";

function body(code: ApiErrorBody["error"]["code"], message: string): ApiErrorBody {
  return { error: { code, message } };
}

const PLAIN_4XX: Record<number, [ApiErrorBody["error"]["code"], string]> = {
  403: ["forbidden", "This address may not be requested."],
  404: ["not_found", "Nothing at this address."],
  405: ["invalid_request", "This method is not allowed here."],
  406: ["invalid_request", "This answer is only available as JSON."],
  415: ["unsupported_media_type", "Send the request body as JSON (Content-Type: application/json)."],
};

const CLIENT_ERRORS: Record<string, [string, ApiErrorBody["error"]["code"], string]> = {
  HPE_HEADER_OVERFLOW: [
    "431 Request Header Fields Too Large",
    "headers_too_large",
    "The request headers are too large.",
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [
    "408 Request Timeout",
    "invalid_request",
    "The request took too long to arrive.",
  ],
};

/**
 * Answers malformed HTTP (oversized headers → 431, a request too slow to arrive → 408, bad framing → 400)
 * in the JSON error shape, as Fastify's own handler would but in our shape; these never reach the routes.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: import("node:net").Socket): void {
  // A reset connection is gone: nothing to answer.
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, code, message] = CLIENT_ERRORS[error.code ?? ""] ?? [
    "400 Bad Request",
    "invalid_request",
    "The request is not valid HTTP.",
  ];
  if (socket.writable) {
    const payload = JSON.stringify(body(code, message));
    socket.write(
      `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`,
    );
  }
  socket.destroy(error);
}

const FRAMEWORK_ERRORS: Record<string, [number, string]> = {
  FST_ERR_BAD_URL: [400, "The address is not valid: it has a malformed percent-encoding (%)."],
  FST_ERR_MAX_PARAM_LENGTH: [414, "The address is too long."],
};

/**
 * Fastify's `frameworkErrors`: an address the router cannot decode (`/%FF`) is refused before any route
 * or hook runs, so this answer carries the security headers itself, in the JSON error shape.
 */
export function frameworkErrorHandler(
  securityHeaders: readonly [string, string][],
): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, _request, reply) => {
    const [status, message] = FRAMEWORK_ERRORS[error.code] ?? [400, "The request was not accepted."];
    for (const [name, value] of securityHeaders) reply.header(name, value);
    reply.status(status).header("cache-control", "no-store").send(body("invalid_request", message));
  };
}

export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof GatewayError) {
        if (error.retryAfterSeconds !== undefined)
          reply.header("retry-after", String(error.retryAfterSeconds));
        return reply.status(error.status).send(body(error.code, error.message));
      }
      if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
        return reply.status(413).send(body("payload_too_large", "The request body is too large."));
      }
      if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
        return reply
          .status(415)
          .send(
            body("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json)."),
          );
      }
      if (error.validation) {
        return reply.status(400).send(body("invalid_request", validationMessage(error, request)));
      }
      if (error.code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
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
      // A plugin's own 4xx (e.g. the static files' 403 for a path outside its folder) keeps its status.
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        const [code, message] = PLAIN_4XX[status] ?? ["invalid_request", "The request was not accepted."];
        return reply.status(status).send(body(code, message));
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

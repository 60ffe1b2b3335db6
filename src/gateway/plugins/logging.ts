/**
 * Pino redaction: secrets and tokens must never reach the logs, whatever route logs them.
 * Request URLs are logged by Fastify without their query (loggableUrl below). Request lines go at
 * debug (RequestLogController), and LOG_FORMAT=pretty turns the JSON lines into pino-pretty's.
 */
import { LogController, type FastifyReply, type FastifyRequest } from "fastify";
import pinoPretty from "pino-pretty";
import type { LogFormat } from "../config/config";
export const LOG_REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "*.clientSecret",
  "*.client_secret",
  "*.loginSecret",
  "*.sessionToken",
  "*.access_token",
  "*.refresh_token",
  "*.accessToken",
  "*.refreshToken",
  "*.code",
];

/**
 * Query values never reach the logs: /auth routes carry Exact's code and the OAuth state,
 * /auth-complete.html the one-time completion code, and /api filters user data (names, e-mail
 * addresses). The whole query is cut.
 */
export function loggableUrl(url: string): string {
  const at = url.indexOf("?");
  return at === -1 ? url : `${url.slice(0, at)}?[redacted]`;
}

export const REQUEST_SERIALIZERS = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: loggableUrl(request.url),
      host: request.host,
      remoteAddress: request.ip,
    };
  },
};

/**
 * Fastify logs two lines per request at info; here one "request completed" line goes at debug so info
 * stays for the start banner, warnings and errors. Fastify's other per-request lines (incoming, route
 * not found, its default error handler) stay off: the errors plugin logs what matters.
 */
export class RequestLogController extends LogController {
  constructor() {
    super({ disableRequestLogging: true });
  }
  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) request.log.error({ ...line, err: error }, "request errored");
    else request.log.debug(line, "request completed");
  }
}

/**
 * Where pino writes: JSON lines to `destination` (stdout when not given), or through pino-pretty for
 * people (synchronous, so nothing is lost when the process exits). Undefined keeps pino's own stdout.
 */
export function logDestination(
  format: LogFormat,
  destination?: NodeJS.WritableStream,
): NodeJS.WritableStream | undefined {
  if (format === "json") return destination;
  return pinoPretty({
    destination: destination ?? 1,
    sync: true,
    translateTime: "SYS:HH:MM:ss.l",
    ignore: "pid,hostname",
  });
}

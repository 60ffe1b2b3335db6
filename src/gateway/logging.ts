/**
 * Pino redaction: secrets and tokens must never reach the logs, whatever route logs them.
 * Request URLs are logged by Fastify without their query (loggableUrl below).
 */
import type { FastifyRequest } from "fastify";
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

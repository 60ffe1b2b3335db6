/**
 * Pino redaction: secrets and tokens must never reach the logs, whatever route logs them.
 * Request URLs are logged by Fastify; our URLs never carry secrets except /auth/callback, whose query
 * (Exact's code and our state) the request serializer below strips.
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

/** Query strings of /auth routes can carry Exact's code and the OAuth state: never log them. */
export function loggableUrl(url: string): string {
  const [pathname, query] = url.split("?", 2);
  // /auth-complete.html carries the one-time completion code.
  if (query === undefined || !(pathname.startsWith("/auth/") || pathname === "/auth-complete.html"))
    return url;
  return `${pathname}?[redacted]`;
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

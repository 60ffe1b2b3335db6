/**
 * Pino redaction: secrets and tokens must never reach the logs, whatever route logs them.
 * Request URLs are logged by Fastify; our URLs never carry secrets (the OAuth code arrives on
 * /auth/callback and is stripped by the URL serializer in app.ts).
 */
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

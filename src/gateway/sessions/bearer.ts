/**
 * `Authorization: Bearer <session token>`: the one place the gateway reads a session token from a
 * request (the session routes, the /api/v1 hook and the /auth rate limit all go through it). Sessions
 * are bearer tokens, not cookies, because Excel on the web runs the add-in in a third-party frame.
 */

/** Session tokens are 43 base64url characters; anything else is not one of ours. */
const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/;

/** The session token of an Authorization header, or null when there is none in our format. */
export function bearerToken(authorization: string | undefined): string | null {
  return BEARER.exec(authorization?.trim() ?? "")?.[1] ?? null;
}

/**
 * Whom the /auth rate limit counts: a signed-in caller (a Bearer token of a session that exists) by its
 * session, so many users behind one proxy or office NAT do not share one budget; everyone else by
 * client address (request.ip, which honours EOL_TRUST_PROXY). Unknown tokens count against the address,
 * so inventing tokens does not escape the limit.
 */
import type { FastifyRequest } from "fastify";
import { sha256 } from "../crypto/random";
import type { AuthStore } from "../store/types";

const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/;

export function authRateLimitKey(store: AuthStore): (request: FastifyRequest) => Promise<string> {
  return async (request) => {
    const match = BEARER.exec(request.headers.authorization?.trim() ?? "");
    if (match) {
      const tokenHash = sha256(match[1]);
      if (await store.getSessionByTokenHash(tokenHash)) return `session:${tokenHash}`;
    }
    return `ip:${request.ip}`;
  };
}

/**
 * POST /api/oauth2/token, form-encoded (reference §1.4–§1.6). The client secret is required for both
 * grants; a wrong or missing client ID/secret gets 400 {"error":"invalid_request"} (picqer#553).
 */
import { json, type SimResponse, type SimulatorState } from "../state";
import type { TokenOutcome } from "./tokens";

export interface TokenCallResult {
  response: SimResponse;
  clientId: string | null;
  userId: string | null;
  grantType: string | null;
}

function failure(outcome: Extract<TokenOutcome, { ok: false }>): SimResponse {
  const { status, body, reason } = outcome.failure;
  const headers: Record<string, string> = reason ? { Reason: reason } : {};
  if (typeof body === "string") {
    return { status, headers: { "Content-Type": "text/html; charset=utf-8", ...headers }, body };
  }
  return json(status, body, headers);
}

export function tokenEndpoint(state: SimulatorState, form: URLSearchParams): TokenCallResult {
  const grantType = form.get("grant_type");
  const clientId = form.get("client_id");
  const secret = form.get("client_secret");
  const base = { clientId, userId: null, grantType };
  if (grantType !== "authorization_code" && grantType !== "refresh_token") {
    return { ...base, response: json(400, { error: "unsupported_grant_type" }) };
  }
  const app = clientId ? state.apps.get(clientId) : undefined;
  if (!app || !secret || secret !== app.clientSecret) {
    return { ...base, response: json(400, { error: "invalid_request" }) };
  }
  let outcome: TokenOutcome;
  if (grantType === "authorization_code") {
    const code = form.get("code");
    const redirectUri = form.get("redirect_uri");
    if (!code || !redirectUri) return { ...base, response: json(400, { error: "invalid_request" }) };
    outcome = state.tokens.exchangeCode(app.clientId, code, redirectUri);
  } else {
    const refreshToken = form.get("refresh_token");
    if (!refreshToken) return { ...base, response: json(400, { error: "invalid_request" }) };
    outcome = state.tokens.refresh(app.clientId, refreshToken);
  }
  const response = outcome.ok
    ? json(200, outcome.response, { "Cache-Control": "no-store" })
    : failure(outcome);
  return { response, clientId: app.clientId, userId: outcome.userId, grantType };
}

/**
 * GET/POST /api/oauth2/auth: the authorization page (reference §1.3, §5.6). Unknown client or an
 * unregistered redirect URI → an error page and no redirect. Otherwise a consent page (or auto-approve)
 * and a redirect to the app with `code` (or, for response_type=token, a fragment with the access token).
 */
import { defaultGrant } from "../data";
import { indexOf } from "../data/lookup";
import type { SimUser } from "../data/types";
import { html, redirect, type SimResponse, type SimulatorState } from "../state";
import { consentPage, errorPage } from "./pages";
import { ACCESS_TOKEN_LIFETIME_MS } from "./tokens";

const CARRIED = ["client_id", "redirect_uri", "response_type", "state", "force_login"];

function withParams(uri: string, params: Record<string, string>, fragment: boolean): string {
  const query = new URLSearchParams(params).toString();
  if (fragment) return `${uri.split("#")[0]}#${query}`;
  return `${uri}${uri.includes("?") ? "&" : "?"}${query}`;
}

function stateParam(state: string | null): Record<string, string> {
  return state === null ? {} : { state };
}

/** Checks client and redirect URI; returns an error page when they do not fit (no redirect then). */
function checkClient(state: SimulatorState, params: URLSearchParams): SimResponse | { appName: string } {
  const clientId = params.get("client_id");
  const redirectUri = params.get("redirect_uri");
  if (!clientId) return html(400, errorPage("The request has no client_id."));
  const app = state.apps.get(clientId);
  if (!app) return html(400, errorPage(`No app is registered with client ID ${clientId}.`));
  if (!redirectUri) return html(400, errorPage("The request has no redirect_uri."));
  if (!app.redirectUris.includes(redirectUri)) {
    return html(400, errorPage(`The redirect URI ${redirectUri} is not registered for this app.`));
  }
  return { appName: app.name ?? "Unnamed app" };
}

function licenseUsers(state: SimulatorState): SimUser[] {
  const primary = indexOf(state.dataset).user.get(state.dataset.primaryUserId)!;
  return state.dataset.users.filter((user) => user.license === primary.license);
}

function complete(
  state: SimulatorState,
  params: URLSearchParams,
  user: SimUser,
  divisions: number[],
): SimResponse {
  const clientId = params.get("client_id")!;
  const redirectUri = params.get("redirect_uri")!;
  const extra = stateParam(params.get("state"));
  if (params.get("response_type") === "token") {
    const token = state.tokens.issueImplicit(clientId, user.userId, divisions);
    const fragment = {
      access_token: token,
      token_type: "bearer",
      expires_in: String(ACCESS_TOKEN_LIFETIME_MS / 1000),
    };
    return redirect(withParams(redirectUri, { ...fragment, ...extra }, true));
  }
  const code = state.tokens.issueCode(clientId, redirectUri, user.userId, divisions);
  return redirect(withParams(redirectUri, { code, ...extra }, false));
}

function carried(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of CARRIED) {
    const value = params.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

export function authorize(state: SimulatorState, params: URLSearchParams, method: string): SimResponse {
  const checked = checkClient(state, params);
  if ("status" in checked) return checked;
  const redirectUri = params.get("redirect_uri")!;
  const responseType = params.get("response_type");
  if (responseType !== "code" && responseType !== "token") {
    return redirect(
      withParams(
        redirectUri,
        { error: "unsupported_response_type", ...stateParam(params.get("state")) },
        false,
      ),
    );
  }
  const users = licenseUsers(state);
  const auto = state.autoApprove;
  if (method === "GET" && auto !== false) {
    const wanted = typeof auto === "object" && auto.userId ? auto.userId : state.dataset.primaryUserId;
    const user = users.find((candidate) => candidate.userId === wanted);
    if (!user) return html(400, errorPage(`Auto-approve user ${wanted} is not in the data set.`));
    return complete(state, params, user, defaultGrant(state.dataset, user.userId));
  }
  const user = users.find((candidate) => candidate.userId === params.get("user")) ?? users[0];
  const index = indexOf(state.dataset).division;
  const divisions = user.divisions.map((code) => index.get(code)!);
  const view = {
    appName: checked.appName,
    params: carried(params),
    users,
    user,
    divisions,
    notGranted: state.dataset.notGrantedDivision,
  };

  if (method === "GET")
    return html(200, consentPage({ ...view, checked: new Set(defaultGrant(state.dataset, user.userId)) }));
  if (params.get("decision") === "deny") {
    return redirect(
      withParams(redirectUri, { error: "access_denied", ...stateParam(params.get("state")) }, false),
    );
  }
  if (params.get("decision") !== "approve") return html(400, errorPage("Choose Approve or Deny."));
  const chosen = params
    .getAll("division")
    .map(Number)
    .filter((code) => user.divisions.includes(code));
  if (chosen.length === 0) {
    return html(
      200,
      consentPage({ ...view, checked: new Set(), error: "Select at least one company, or choose Deny." }),
    );
  }
  return complete(state, params, user, chosen);
}

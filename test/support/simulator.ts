/** Shared test helpers: a simulator on a virtual clock, sign-in through real HTTP, API calls. */
import { VirtualClock } from "../../src/shared/clock";
import {
  startSimulator,
  type RunningSimulator,
  type SimApp,
  type SimulatorOptions,
} from "../../src/simulator";

export const TEST_APP: SimApp = {
  clientId: "11111111-2222-4333-8444-555555555555",
  clientSecret: "test-secret",
  redirectUris: ["https://gateway.test/auth/callback"],
  name: "Test app",
};

export interface TestSim {
  sim: RunningSimulator;
  clock: VirtualClock;
}

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<TestSim> {
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, apps: [TEST_APP], autoApprove: true, ...options });
  return { sim, clock };
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: string;
}

/** Runs GET /api/oauth2/auth (auto-approve) and returns the code from the redirect. */
export async function authorizeCode(
  sim: RunningSimulator,
  app: SimApp = TEST_APP,
  state = "xyz",
): Promise<string> {
  const url = new URL("/api/oauth2/auth", sim.url);
  url.search = new URLSearchParams({
    client_id: app.clientId,
    redirect_uri: app.redirectUris[0],
    response_type: "code",
    state,
  }).toString();
  const response = await fetch(url, { redirect: "manual" });
  if (response.status !== 302)
    throw new Error(`authorize answered ${response.status}: ${await response.text()}`);
  const location = new URL(response.headers.get("location")!);
  if (location.searchParams.get("state") !== state) throw new Error("state not echoed");
  return location.searchParams.get("code")!;
}

export function tokenRequest(sim: RunningSimulator, form: Record<string, string>): Promise<Response> {
  return fetch(`${sim.url}/api/oauth2/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
}

export async function exchangeCode(
  sim: RunningSimulator,
  code: string,
  app: SimApp = TEST_APP,
): Promise<Tokens> {
  const response = await tokenRequest(sim, {
    grant_type: "authorization_code",
    code,
    redirect_uri: app.redirectUris[0],
    client_id: app.clientId,
    client_secret: app.clientSecret,
  });
  if (response.status !== 200) throw new Error(`token exchange answered ${response.status}`);
  return (await response.json()) as Tokens;
}

export async function signIn(sim: RunningSimulator, app: SimApp = TEST_APP): Promise<Tokens> {
  return exchangeCode(sim, await authorizeCode(sim, app), app);
}

export function refresh(
  sim: RunningSimulator,
  refreshToken: string,
  app: SimApp = TEST_APP,
): Promise<Response> {
  return tokenRequest(sim, {
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    client_id: app.clientId,
    client_secret: app.clientSecret,
  });
}

export function api(
  sim: RunningSimulator,
  token: string,
  pathAndQuery: string,
  accept = "application/json",
): Promise<Response> {
  const url = pathAndQuery.startsWith("http") ? pathAndQuery : `${sim.url}${pathAndQuery}`;
  return fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: accept } });
}

export interface ODataPage<T = Record<string, unknown>> {
  d: { results: T[]; __next?: string; __count?: string };
}

export async function errorText(response: Response): Promise<string> {
  const body = (await response.json()) as {
    error: { code: string; message: { lang: string; value: string } };
  };
  return body.error.message.value;
}

/**
 * Signing in at the simulator directly, as another client would (auto-approve): the code flow without the
 * gateway. Done for the gateway's own app and user, it kills the gateway's chain the way Exact does —
 * Exact retires the refresh token the gateway holds (reference §1.6) and its next refresh gets
 * invalid_grant.
 */
import { DEMO_APP, type RunningSimulator, type SimApp } from "../../src/simulator";

/** The code flow at the simulator for `app`; returns the access token. */
export async function authorizeAtSimulator(
  sim: RunningSimulator,
  app: Pick<SimApp, "clientId" | "clientSecret">,
  redirectUri: string,
): Promise<string> {
  const authorize = new URL("/api/oauth2/auth", sim.url);
  authorize.search = new URLSearchParams({
    client_id: app.clientId,
    redirect_uri: redirectUri,
    response_type: "code",
    state: "elsewhere",
  }).toString();
  const code = new URL(
    (await fetch(authorize, { redirect: "manual" })).headers.get("location")!,
  ).searchParams.get("code")!;
  const token = await fetch(new URL("/api/oauth2/token", sim.url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
      client_id: app.clientId,
      client_secret: app.clientSecret,
    }).toString(),
  });
  if (token.status !== 200)
    throw new Error(`authorizing at the simulator: ${token.status} ${await token.text()}`);
  return ((await token.json()) as { access_token: string }).access_token;
}

/** Another sign-in of the demo app's user at Exact, ending the gateway's chain for that user. */
export async function authorizeElsewhere(sim: RunningSimulator, gatewayUrl: string): Promise<void> {
  await authorizeAtSimulator(sim, DEMO_APP, `${gatewayUrl}/auth/callback`);
}

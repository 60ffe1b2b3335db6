/** No secret or token reaches the logs, even at trace level, across a full sign-in and token refresh. */
import { PassThrough } from "node:stream";
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator } from "../../../src/simulator";
import { buildTestGateway } from "../../support/gateway";
import { completion, postJson, redirectOf, startLogin, completionCodeOf } from "../../support/signInRig";

test("logs carry no client secret, login secret, code, state, session or Exact token", async () => {
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1 });
  const stream = new PassThrough();
  const lines: string[] = [];
  stream.on("data", (chunk: Buffer) => lines.push(chunk.toString("utf8")));
  const gateway = await buildTestGateway(
    { LOG_LEVEL: "trace", EOL_EXACT_BASE_URL: sim.url },
    { clock, simulator: sim, logStream: stream },
  );
  try {
    const clientId = "33333333-2222-3333-4444-555555555555";
    const clientSecret = "very-secret-client-secret-123";
    sim.apps.register({ clientId, clientSecret, redirectUris: [`${gateway.url}/auth/callback`] });
    const started = await startLogin(gateway, { country: "nl", clientId, clientSecret });
    const code = started.callback.searchParams.get("code")!;
    const state = started.callback.searchParams.get("state")!;
    const completed = await redirectOf(gateway, started.callback.toString());
    expect(completion(completed).status).toBe("ok");
    const completionCode = completionCodeOf(completed);
    const redeemed = await postJson(gateway, `${gateway.url}/auth/logins/${started.loginId}/redeem`, {
      loginSecret: started.loginSecret,
      completionCode,
    });
    const { sessionToken } = await redeemed.json();
    // the browser then loads auth-complete.html with the completion code in its query
    expect(
      (await gateway.fetch(new URL(`${completed.pathname}${completed.search}`, gateway.url))).status,
    ).toBe(200);
    const auth = { authorization: `Bearer ${sessionToken}` };
    const context = await gateway.app.sessions.resolve({ headers: auth, eolStoredSession: null });
    const firstAccess = await gateway.app.tokens.getAccessToken(context.chainId);
    clock.advance(595_000);
    expect((await gateway.fetch(`${gateway.url}/auth/session`, { headers: auth })).status).toBe(200);
    const secondAccess = await gateway.app.tokens.getAccessToken(context.chainId);
    expect(secondAccess).not.toBe(firstAccess);
    // a failing request with a secret in the body is logged too
    await postJson(gateway, `${gateway.url}/auth/logins`, {
      loginSecret: started.loginSecret,
      clientSecret,
      country: "xx",
    });

    await new Promise((resolve) => setImmediate(resolve));
    const log = lines.join("");
    expect(log).toContain("/auth/callback?[redacted]");
    expect(log).toContain("/auth-complete.html?[redacted]");
    for (const secret of [
      clientSecret,
      started.loginSecret,
      code,
      state,
      sessionToken,
      completionCode,
      firstAccess,
      secondAccess,
    ]) {
      expect(log).not.toContain(secret);
    }
  } finally {
    await gateway.close();
    await sim.close();
  }
});

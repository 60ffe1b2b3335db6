/** The whole sign-in flow: the gateway through inject, the in-process simulator over real HTTP. */
import type { RedeemResponse, SessionInfo } from "../../../src/shared/api";
import { signInTestUser } from "../../support/gateway";
import {
  completion,
  newLoginSecret,
  postJson,
  redirectOf,
  startLogin,
  startRig,
  storedRows,
  type Rig,
  completionCodeOf,
} from "../../support/signInRig";

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig?.close();
});

test("GET /auth/config offers the demo and names the callback to register", async () => {
  const res = await rig.gateway.fetch(`${rig.gateway.url}/auth/config`);
  expect(await res.json()).toEqual({
    managed: false,
    redirectUri: `${rig.gateway.url}/auth/callback`,
    countries: ["nl", "be", "de", "fr", "uk", "es", "us", "demo"],
  });
});

test("sign in: start → Exact authorize with a state → callback → redeem once → session", async () => {
  // The start URL is same-origin and leads to the simulator's authorize URL with our client and callback.
  const loginSecret = newLoginSecret();
  const created = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins`, {
    loginSecret,
    country: "demo",
  });
  expect(created.status).toBe(201);
  const { startUrl, expiresAt } = await created.json();
  expect(startUrl.startsWith(`${rig.gateway.url}/auth/logins/`)).toBe(true);
  expect(Date.parse(expiresAt) - rig.clock.now()).toBe(10 * 60_000);
  const authorize = await redirectOf(rig.gateway, startUrl);
  expect(authorize.searchParams.get("client_id")).toBe("6c1e5f2a-8b4d-4e8f-9a3b-2d7c0e1f4a5b");
  expect(authorize.origin).toBe(new URL(rig.sim.url).origin);
  expect(authorize.pathname).toBe("/api/oauth2/auth");
  expect(authorize.searchParams.get("redirect_uri")).toBe(`${rig.gateway.url}/auth/callback`);
  expect(authorize.searchParams.get("response_type")).toBe("code");
  expect(authorize.searchParams.get("state")!.length).toBeGreaterThanOrEqual(43);

  // finish the first login
  const first = await startLogin(rig.gateway);
  const completed = await redirectOf(rig.gateway, first.callback.toString());
  const done = completion(completed);
  expect(done).toEqual({ status: "ok", code: null, message: null, loginId: first.loginId });
  const completionCode = completionCodeOf(completed);
  const redeem = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins/${first.loginId}/redeem`, {
    loginSecret: first.loginSecret,
    completionCode,
  });
  expect(redeem.status).toBe(200);
  const body = (await redeem.json()) as RedeemResponse;
  expect(body.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const primary = rig.sim.data.users.find((user) => user.userId === rig.sim.data.primaryUserId)!;
  expect(body.session).toMatchObject({
    user: { id: primary.userId.toLowerCase(), fullName: primary.fullName, userName: primary.userName },
    country: "demo",
    clientIdMasked: "6c1e…4a5b",
    managed: false,
  });

  const again = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins/${first.loginId}/redeem`, {
    loginSecret: first.loginSecret,
    completionCode,
  });
  expect(again.status).toBe(409);
  expect((await again.json()).error.code).toBe("login_already_redeemed");

  const session = await rig.gateway.fetch(`${rig.gateway.url}/auth/session`, {
    headers: { authorization: `Bearer ${body.sessionToken}` },
  });
  expect(session.status).toBe(200);
  expect(((await session.json()) as SessionInfo).user.userName).toBe(primary.userName);
});

test("concurrent redeems of one login: exactly one session", async () => {
  const started = await startLogin(rig.gateway);
  const completionCode = completionCodeOf(await redirectOf(rig.gateway, started.callback.toString()));
  const before = storedRows(rig.gateway.dataDir).sessions;
  const results = await Promise.all(
    Array.from({ length: 8 }, () =>
      postJson(rig.gateway, `${rig.gateway.url}/auth/logins/${started.loginId}/redeem`, {
        loginSecret: started.loginSecret,
        completionCode,
      }),
    ),
  );
  expect(results.map((res) => res.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
  expect(storedRows(rig.gateway.dataDir).sessions).toBe(before + 1);
});

test("consent denied: the page says so, redeem reports it, no session or chain is stored", async () => {
  const before = storedRows(rig.gateway.dataDir);
  rig.sim.setAutoApprove(false);
  try {
    const loginSecret = "x".repeat(40);
    const res = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins`, {
      loginSecret,
      country: "demo",
    });
    const { loginId, startUrl } = await res.json();
    const authorize = await redirectOf(rig.gateway, startUrl);
    // The consent page's "deny" answer, as the simulator's form posts it.
    const denied = await denyConsent(authorize);
    const done = completion(await redirectOf(rig.gateway, denied.toString()));
    expect(done.status).toBe("error");
    expect(done.code).toBe("consent_denied");
    expect(done.message).toMatch(/declined access in Exact Online/);
    const redeem = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins/${loginId}/redeem`, {
      loginSecret,
    });
    expect((await redeem.json()).error.code).toBe("consent_denied");
  } finally {
    rig.sim.setAutoApprove(true);
  }
  const after = storedRows(rig.gateway.dataDir);
  expect(after.sessions).toBe(before.sessions);
  expect(after.chains).toBe(before.chains);
});

/** Submits the simulator's consent form with "deny" and returns where it redirects. */
async function denyConsent(authorize: URL): Promise<URL> {
  const page = await fetch(authorize);
  const html = await page.text();
  const action = /<form[^>]*action="([^"]*)"/i.exec(html)?.[1] ?? authorize.pathname;
  const fields = new URLSearchParams();
  for (const match of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/gi))
    fields.append(match[1], match[2]);
  for (const match of html.matchAll(/<button[^>]*name="([^"]+)"[^>]*value="([^"]*)"/gi)) {
    if (/deny|reject|decline|cancel/i.test(match[2])) fields.set(match[1], match[2]);
  }
  const target = new URL(action.replace(/&amp;/g, "&"), authorize);
  const res = await fetch(target, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: fields.toString(),
  });
  return new URL(res.headers.get("location")!, target);
}

test("sign out ends this session only; ?all=true ends every session of the user and app", async () => {
  const a = await signInTestUser(rig.gateway);
  const b = await signInTestUser(rig.gateway);
  const c = await signInTestUser(rig.gateway);
  const get = (token: string) =>
    rig.gateway.fetch(`${rig.gateway.url}/auth/session`, { headers: { authorization: `Bearer ${token}` } });
  const del = (token: string, all = false) =>
    rig.gateway.fetch(`${rig.gateway.url}/auth/session${all ? "?all=true" : ""}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
  expect((await del(a.sessionToken)).status).toBe(204);
  const gone = await get(a.sessionToken);
  expect(gone.status).toBe(401);
  expect(await gone.json()).toEqual({
    error: { code: "not_signed_in", message: "Sign in to Exact Online (EOL task pane)." },
  });
  expect((await get(b.sessionToken)).status).toBe(200);
  expect((await del(b.sessionToken, true)).status).toBe(204);
  expect((await get(c.sessionToken)).status).toBe(401);
});

test("wrong client secret: a clear message and nothing stored", async () => {
  rig.sim.apps.register({
    clientId: "11111111-2222-3333-4444-555555555555",
    clientSecret: "right-secret",
    redirectUris: [`${rig.gateway.url}/auth/callback`],
  });
  const before = storedRows(rig.gateway.dataDir);
  const started = await startLogin(rig.gateway, {
    country: "nl",
    clientId: "{11111111-2222-3333-4444-555555555555}",
    clientSecret: "wrong-secret",
  });
  const done = completion(await redirectOf(rig.gateway, started.callback.toString()));
  expect(done.code).toBe("invalid_client");
  expect(done.message).toBe(
    "Exact Online rejected the client ID or client secret. Check both against your app in Exact's App Center.",
  );
  const after = storedRows(rig.gateway.dataDir);
  expect([after.sessions, after.chains]).toEqual([before.sessions, before.chains]);
});

test("a replayed callback (same state) is refused as a state mismatch", async () => {
  const started = await startLogin(rig.gateway);
  expect(completion(await redirectOf(rig.gateway, started.callback.toString())).status).toBe("ok");
  const replay = completion(await redirectOf(rig.gateway, started.callback.toString()));
  expect(replay.code).toBe("state_mismatch");
  expect(replay.message).toMatch(/does not belong to a sign-in started here, or was already used/);
});

test("a forged state is refused without touching the login", async () => {
  const started = await startLogin(rig.gateway);
  const forged = new URL(started.callback);
  forged.searchParams.set("state", `${started.loginId}.${"A".repeat(43)}`);
  expect(completion(await redirectOf(rig.gateway, forged.toString())).code).toBe("state_mismatch");
  // the genuine callback still works
  expect(completion(await redirectOf(rig.gateway, started.callback.toString())).status).toBe("ok");
});

test("a login older than 10 minutes has expired", async () => {
  const started = await startLogin(rig.gateway);
  rig.clock.advance(10 * 60_000 + 1000);
  const done = completion(await redirectOf(rig.gateway, started.callback.toString()));
  expect(done.code).toBe("login_expired");
  expect(done.message).toMatch(/expired .*Start the sign-in again/);
});

test("the callback's code and state never appear in the logs' URLs", async () => {
  const { loggableUrl } = await import("../../../src/gateway/plugins/logging");
  expect(loggableUrl("/auth/callback?code=XTzM!IAAA&state=abc")).toBe("/auth/callback?[redacted]");
  // Data queries filter on names and e-mail addresses: their queries are cut too (issue 13).
  expect(loggableUrl("/api/v1/query?filter=Email%20eq%20'a%40b.nl'")).toBe("/api/v1/query?[redacted]");
  expect(loggableUrl("/api/v1/me")).toBe("/api/v1/me");
});

test("every /auth response carries security headers", async () => {
  const res = await rig.gateway.fetch(`${rig.gateway.url}/auth/config`);
  expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("set-cookie")).toBeNull();
});

test("a login approved in someone else's browser cannot be redeemed without that window's completion code", async () => {
  // The attacker creates a login (knowing its login secret) and gets a victim to open the start URL and
  // approve. The victim's browser, not the attacker, receives the completion code.
  const attacker = await startLogin(rig.gateway);
  const victimWindow = await redirectOf(rig.gateway, attacker.callback.toString());
  expect(completion(victimWindow).status).toBe("ok");
  const before = storedRows(rig.gateway.dataDir).sessions;
  for (const completionCode of [undefined, "", "x".repeat(43), newLoginSecret()]) {
    const res = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins/${attacker.loginId}/redeem`, {
      loginSecret: attacker.loginSecret,
      ...(completionCode === undefined ? {} : { completionCode }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toEqual({
      code: "wrong_login_secret",
      message: "This sign-in was not completed in this window. Start the sign-in again.",
    });
  }
  expect(storedRows(rig.gateway.dataDir).sessions).toBe(before);
  // The window that completed the sign-in can still redeem it, once.
  const res = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins/${attacker.loginId}/redeem`, {
    loginSecret: attacker.loginSecret,
    completionCode: completionCodeOf(victimWindow),
  });
  expect(res.status).toBe(200);
});

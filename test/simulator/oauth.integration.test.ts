/** OAuth against the simulator over real HTTP: authorize/consent, code exchange, rotation and its limits. */
import { DEMO_APP, EARLIEST_REFRESH_MS, defaultGrant } from "../../src/simulator";
import {
  TEST_APP,
  api,
  authorizeCode,
  exchangeCode,
  refresh,
  signIn,
  startTestSimulator,
  tokenRequest,
  type TestSim,
  type Tokens,
} from "../support/simulator";

let t: TestSim;
beforeEach(async () => {
  t = await startTestSimulator();
});
afterEach(() => t.sim.close());

function authUrl(params: Record<string, string>): string {
  return `${t.sim.url}/api/oauth2/auth?${new URLSearchParams(params).toString()}`;
}

const codeParams = {
  client_id: TEST_APP.clientId,
  redirect_uri: TEST_APP.redirectUris[0],
  response_type: "code",
  state: "s1",
};

describe("authorize", () => {
  it("shows an error page without redirecting for an unknown client or an unregistered redirect URI", async () => {
    for (const params of [
      { ...codeParams, client_id: "99999999-9999-4999-8999-999999999999" },
      { ...codeParams, redirect_uri: "https://evil.test/callback" },
      { ...codeParams, client_id: "" },
    ]) {
      const response = await fetch(authUrl(params), { redirect: "manual" });
      expect(response.status).toBe(400);
      expect(response.headers.get("location")).toBeNull();
      expect(await response.text()).toContain("cannot sign you in");
    }
  });

  it("auto-approves with a code containing '!' and echoes the state", async () => {
    const response = await fetch(authUrl(codeParams), { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(TEST_APP.redirectUris[0]);
    expect(location.searchParams.get("state")).toBe("s1");
    expect(location.searchParams.get("code")).toContain("!");
    expect(response.headers.get("location")).toContain("%21");
  });

  it("shows a consent page with the user picker and the not-granted division unchecked", async () => {
    t.sim.setAutoApprove(false);
    const response = await fetch(authUrl(codeParams), { redirect: "manual" });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("Test app");
    expect(page).toContain("Signed in as");
    expect(page).toMatch(
      /<button class="primary" type="submit" name="decision" value="approve">Approve<\/button>/,
    );
    expect(page).toContain(">Deny</button>");
    expect(page).not.toMatch(/(src|href)="https?:/);
    const { data } = t.sim;
    expect(page).toContain(`value="${data.notGrantedDivision}">`);
    expect(page).toContain(`value="${data.divisions[0].code}" checked>`);
    for (const user of data.users) expect(page).toContain(user.userId);
  });

  it("Approve with chosen divisions grants exactly those; Deny redirects with access_denied and the state", async () => {
    t.sim.setAutoApprove(false);
    const { data } = t.sim;
    const chosen = data.divisions.slice(0, 2).map((d) => d.code);
    const form = new URLSearchParams({ ...codeParams, user: data.primaryUserId, decision: "approve" });
    for (const code of chosen) form.append("division", String(code));
    const approved = await fetch(`${t.sim.url}/api/oauth2/auth`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form.toString(),
      redirect: "manual",
    });
    expect(approved.status).toBe(302);
    const code = new URL(approved.headers.get("location")!).searchParams.get("code")!;
    const tokens = await exchangeCode(t.sim, code);
    const divisions = await api(
      t.sim,
      tokens.access_token,
      `/api/v1/${chosen[0]}/system/Divisions?$select=Code`,
    );
    const body = (await divisions.json()) as { d: { results: Array<{ Code: number }> } };
    expect(body.d.results.map((r) => r.Code)).toEqual(chosen);

    const denied = await fetch(`${t.sim.url}/api/oauth2/auth`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...codeParams, user: data.primaryUserId, decision: "deny" }).toString(),
      redirect: "manual",
    });
    const location = new URL(denied.headers.get("location")!);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("s1");
    expect(location.searchParams.has("code")).toBe(false);
  });

  it("signs in as the user picked on the consent page", async () => {
    t.sim.setAutoApprove(false);
    const other = t.sim.data.users[3];
    const page = await (await fetch(authUrl({ ...codeParams, user: other.userId }))).text();
    expect(page).toContain(`<option value="${other.userId}" selected>`);
    t.sim.setAutoApprove({ userId: other.userId });
    const tokens = await signIn(t.sim);
    const me = (await (await api(t.sim, tokens.access_token, "/api/v1/current/Me")).json()) as {
      d: { results: Array<{ UserID: string }> };
    };
    expect(me.d.results[0].UserID).toBe(other.userId);
  });

  it("supports the implicit grant with a fragment and no refresh token", async () => {
    const response = await fetch(authUrl({ ...codeParams, response_type: "token" }), { redirect: "manual" });
    const fragment = new URLSearchParams(new URL(response.headers.get("location")!).hash.slice(1));
    expect(fragment.get("expires_in")).toBe("600");
    expect(fragment.get("state")).toBe("s1");
    expect(fragment.has("refresh_token")).toBe(false);
    const me = await api(t.sim, fragment.get("access_token")!, "/api/v1/current/Me");
    expect(me.status).toBe(200);
  });

  it("lets the demo app in once a redirect URI is added", async () => {
    const uri = "https://localhost:3000/auth/callback";
    const params = { ...codeParams, client_id: DEMO_APP.clientId, redirect_uri: uri };
    expect((await fetch(authUrl(params), { redirect: "manual" })).status).toBe(400);
    t.sim.apps.addRedirectUri(DEMO_APP.clientId, uri);
    expect((await fetch(authUrl(params), { redirect: "manual" })).status).toBe(302);
  });
});

describe("token endpoint", () => {
  it("answers the documented shape with expires_in as a string", async () => {
    const tokens = await signIn(t.sim);
    expect(Object.keys(tokens).sort()).toEqual(["access_token", "expires_in", "refresh_token", "token_type"]);
    expect(tokens.expires_in).toBe("600");
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.access_token.length).toBeGreaterThan(550);
    expect(t.sim.log.tokenCalls("authorization_code")).toBe(1);
  });

  it("requires the client secret and the right client", async () => {
    const code = await authorizeCode(t.sim);
    const base = {
      grant_type: "authorization_code",
      code,
      redirect_uri: TEST_APP.redirectUris[0],
      client_id: TEST_APP.clientId,
    };
    for (const form of [base, { ...base, client_secret: "wrong" }]) {
      const response = await tokenRequest(t.sim, form);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "invalid_request" });
    }
    // The code was not spent by the refused calls.
    expect((await exchangeCode(t.sim, code)).access_token).toBeTruthy();
  });

  it("uses a code once, only within 3 minutes, and only with its redirect URI", async () => {
    const code = await authorizeCode(t.sim);
    await exchangeCode(t.sim, code);
    const again = await tokenRequest(t.sim, {
      grant_type: "authorization_code",
      code,
      redirect_uri: TEST_APP.redirectUris[0],
      client_id: TEST_APP.clientId,
      client_secret: TEST_APP.clientSecret,
    });
    expect(again.status).toBe(400);

    const late = await authorizeCode(t.sim);
    t.clock.advance(3 * 60_000 + 1);
    await expect(exchangeCode(t.sim, late)).rejects.toThrow("400");

    const wrongUri = await authorizeCode(t.sim);
    const response = await tokenRequest(t.sim, {
      grant_type: "authorization_code",
      code: wrongUri,
      redirect_uri: "https://gateway.test/other",
      client_id: TEST_APP.clientId,
      client_secret: TEST_APP.clientSecret,
    });
    expect(response.status).toBe(400);
  });

  it("rotates refresh tokens: the old one gets invalid_grant with the Reason header", async () => {
    const first = await signIn(t.sim);
    t.clock.advance(EARLIEST_REFRESH_MS);
    const response = await refresh(t.sim, first.refresh_token);
    expect(response.status).toBe(200);
    const second = (await response.json()) as Tokens;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.expires_in).toBe("600");

    const old = await refresh(t.sim, first.refresh_token);
    expect(old.status).toBe(400);
    expect(await old.json()).toEqual({
      error: "invalid_grant",
      error_description: "Token is not allowed, because of invalid or empty chainId",
    });
    expect(old.headers.get("reason")).toBe(
      "Unknown: Token is not allowed, because of invalid or empty chainId",
    );
    // The chain itself lives on with the new token.
    t.clock.advance(EARLIEST_REFRESH_MS);
    expect((await refresh(t.sim, second.refresh_token)).status).toBe(200);
  });

  it("rejects a refresh less than 570 s after issue with TooEarlyToRefreshTokens (status configurable)", async () => {
    const tokens = await signIn(t.sim);
    t.clock.advance(EARLIEST_REFRESH_MS - 1000);
    const early = await refresh(t.sim, tokens.refresh_token);
    expect(early.status).toBe(400);
    expect(await early.json()).toEqual({
      error: "access_denied",
      error_description: "Rate limit exceeded: access_token not expired",
    });
    expect(early.headers.get("reason")).toBe(
      "TooEarlyToRefreshTokens: Rate limit exceeded: access_token not expired",
    );
    t.clock.advance(1000);
    expect((await refresh(t.sim, tokens.refresh_token)).status).toBe(200);

    const strict = await startTestSimulator({ earlyRefreshStatus: 401 });
    try {
      const other = await signIn(strict.sim);
      expect((await refresh(strict.sim, other.refresh_token)).status).toBe(401);
    } finally {
      await strict.sim.close();
    }
  });

  it("kills the old chain when the same user authorizes the same app again", async () => {
    const first = await signIn(t.sim);
    const second = await signIn(t.sim);
    t.clock.advance(EARLIEST_REFRESH_MS);
    expect((await refresh(t.sim, first.refresh_token)).status).toBe(400);
    expect((await api(t.sim, first.access_token, "/api/v1/current/Me")).status).toBe(401);
    expect((await refresh(t.sim, second.refresh_token)).status).toBe(200);
  });

  it("expires refresh tokens after 30 idle days", async () => {
    const tokens = await signIn(t.sim);
    t.clock.advance(30 * 86_400_000 + 1000);
    const response = await refresh(t.sim, tokens.refresh_token);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; error_description: string };
    expect(body.error).toBe("invalid_request");
    expect(body.error_description).toMatch(/^The refresh token expired at .+ and it is now .+\.$/);
  });

  it("limits token calls per user and app per day", async () => {
    const limited = await startTestSimulator({ tokenQuotaPerDay: 3 });
    try {
      let tokens = await signIn(limited.sim); // call 1
      for (let i = 0; i < 2; i++) {
        limited.clock.advance(EARLIEST_REFRESH_MS);
        const response = await refresh(limited.sim, tokens.refresh_token); // calls 2, 3
        expect(response.status).toBe(200);
        tokens = (await response.json()) as Tokens;
      }
      limited.clock.advance(EARLIEST_REFRESH_MS);
      const refused = await refresh(limited.sim, tokens.refresh_token);
      expect(refused.status).toBe(400);
      expect(refused.headers.get("reason")).toMatch(/^TooManyTokenRequests/);
      limited.clock.advance(86_400_000);
      expect((await refresh(limited.sim, tokens.refresh_token)).status).toBe(200);
      expect(limited.sim.log.tokenCalls()).toBe(5);
    } finally {
      await limited.sim.close();
    }
  });
});

describe("access tokens", () => {
  it("work for 600 s, then get 401", async () => {
    const tokens = await signIn(t.sim);
    t.clock.advance(599_000);
    expect((await api(t.sim, tokens.access_token, "/api/v1/current/Me")).status).toBe(200);
    t.clock.advance(1000);
    expect((await api(t.sim, tokens.access_token, "/api/v1/current/Me")).status).toBe(401);
  });

  it("grant by default every division of the user except the edge-case one", async () => {
    const tokens = await signIn(t.sim);
    const { data } = t.sim;
    const body = (await (
      await api(t.sim, tokens.access_token, `/api/v1/${data.divisions[0].code}/system/Divisions?$select=Code`)
    ).json()) as {
      d: { results: Array<{ Code: number }> };
    };
    expect(body.d.results.map((r) => r.Code)).toEqual(defaultGrant(data, data.primaryUserId));
    expect(body.d.results.map((r) => r.Code)).not.toContain(data.notGrantedDivision);
  });
});

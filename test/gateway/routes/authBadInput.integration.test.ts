/** Bad input at every /auth step: each gets its own clear error, and nothing is stored. */
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

const GUID = "3f1c0d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";
const good = () => ({ loginSecret: newLoginSecret(), country: "nl", clientId: GUID, clientSecret: "s3cret" });

type Case = [
  string,
  () => { body: string | Record<string, unknown>; contentType?: string },
  number,
  string,
  RegExp,
];

const loginCases: Case[] = [
  [
    "malformed client ID",
    () => ({ body: { ...good(), clientId: "not-a-guid" } }),
    400,
    "invalid_request",
    /clientId must be a GUID/,
  ],
  [
    "client ID with one brace",
    () => ({ body: { ...good(), clientId: `{${GUID}` } }),
    400,
    "invalid_request",
    /clientId must be a GUID/,
  ],
  [
    "client ID one digit short",
    () => ({ body: { ...good(), clientId: GUID.slice(1) } }),
    400,
    "invalid_request",
    /clientId must be a GUID/,
  ],
  [
    "client ID with a non-hex digit",
    () => ({ body: { ...good(), clientId: `g${GUID.slice(1)}` } }),
    400,
    "invalid_request",
    /clientId must be a GUID/,
  ],
  [
    "missing client ID",
    () => ({ body: { ...good(), clientId: undefined } }),
    400,
    "invalid_request",
    /clientId is required/,
  ],
  [
    "missing client secret",
    () => ({ body: { ...good(), clientSecret: undefined } }),
    400,
    "invalid_request",
    /clientSecret is required/,
  ],
  [
    "client secret with spaces",
    () => ({ body: { ...good(), clientSecret: "two words" } }),
    400,
    "invalid_request",
    /clientSecret must be/,
  ],
  [
    "http redirect URI",
    () => ({ body: { ...good(), redirectUri: "http://eol.example.com/auth/callback" } }),
    400,
    "invalid_request",
    /redirectUri must use https/,
  ],
  [
    "ftp redirect URI",
    () => ({ body: { ...good(), redirectUri: "ftp://eol.example.com/auth/callback" } }),
    400,
    "invalid_request",
    /redirectUri must use https/,
  ],
  [
    "relative redirect URI",
    () => ({ body: { ...good(), redirectUri: "/auth/callback" } }),
    400,
    "invalid_request",
    /redirectUri must be an absolute URL/,
  ],
  [
    "redirect URI elsewhere",
    () => ({ body: { ...good(), redirectUri: "https://eol.example.com/oauth" } }),
    400,
    "invalid_request",
    /redirectUri must point to this gateway's callback/,
  ],
  [
    "redirect URI with a fragment",
    () => ({ body: { ...good(), redirectUri: "https://eol.example.com/auth/callback#x" } }),
    400,
    "invalid_request",
    /must not contain a fragment/,
  ],
  [
    "unknown country",
    () => ({ body: { ...good(), country: "xx" } }),
    400,
    "invalid_request",
    /country must be one of nl, be, de, fr, uk, es, us, demo/,
  ],
  [
    "country as a number",
    () => ({ body: { ...good(), country: 31 } }),
    400,
    "invalid_request",
    /country must be a string/,
  ],
  [
    "missing country",
    () => ({ body: { ...good(), country: undefined } }),
    400,
    "invalid_request",
    /country is required/,
  ],
  [
    "missing login secret",
    () => ({ body: { ...good(), loginSecret: undefined } }),
    400,
    "invalid_request",
    /loginSecret must be a random string/,
  ],
  [
    "short login secret",
    () => ({ body: { ...good(), loginSecret: "short" } }),
    400,
    "invalid_request",
    /loginSecret must be a random string of 32/,
  ],
  [
    "unknown field",
    () => ({ body: { ...good(), password: "x" } }),
    400,
    "invalid_request",
    /Unknown field "password"/,
  ],
  ["array body", () => ({ body: "[1,2]" }), 400, "invalid_request", /must be a JSON object/],
  ["invalid JSON", () => ({ body: "{not json" }), 400, "invalid_request", /not valid JSON|JSON/],
  [
    "oversized body",
    () => ({ body: { ...good(), clientSecret: "x".repeat(20_000) } }),
    413,
    "payload_too_large",
    /too large/,
  ],
  [
    "plain-text body",
    () => ({ body: "loginSecret=x", contentType: "text/plain" }),
    400,
    "invalid_request",
    /must be a JSON object/,
  ],
];

test.each(loginCases)("POST /auth/logins refuses %s", async (_name, make, status, code, message) => {
  const before = storedRows(rig.gateway.dataDir);
  const { body, contentType } = make();
  const res = await rig.gateway.fetch(`${rig.gateway.url}/auth/logins`, {
    method: "POST",
    headers: { "content-type": contentType ?? "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  expect(res.status).toBe(status);
  const error = (await res.json()).error;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  expect(JSON.stringify(error)).not.toContain("s3cret");
  expect(storedRows(rig.gateway.dataDir)).toEqual(before);
});

describe("redeem", () => {
  test("an unknown login", async () => {
    const before = storedRows(rig.gateway.dataDir);
    const res = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins/AAAAAAAAAAAAAAAAAAAAAA/redeem`, {
      loginSecret: newLoginSecret(),
    });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toEqual({
      code: "login_not_found",
      message: "This sign-in is unknown to the gateway. Start the sign-in again.",
    });
    expect(storedRows(rig.gateway.dataDir)).toEqual(before);
  });

  test("a malformed login ID", async () => {
    const res = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins/..%2F..%2Fetc/redeem`, {
      loginSecret: newLoginSecret(),
    });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toMatch(/login_not_found|not_found/);
  });

  test("the wrong login secret, then the right one still works once; a replay is refused", async () => {
    const started = await startLogin(rig.gateway);
    const completed = await redirectOf(rig.gateway, started.callback.toString());
    expect(completion(completed).status).toBe("ok");
    const completionCode = completionCodeOf(completed);
    const before = storedRows(rig.gateway.dataDir);
    const wrong = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins/${started.loginId}/redeem`, {
      loginSecret: newLoginSecret(),
      completionCode,
    });
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error).toEqual({
      code: "wrong_login_secret",
      message: "This sign-in was started by another window. Start the sign-in again.",
    });
    expect(storedRows(rig.gateway.dataDir).sessions).toBe(before.sessions);
    const right = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins/${started.loginId}/redeem`, {
      loginSecret: started.loginSecret,
      completionCode,
    });
    expect(right.status).toBe(200);
    const replay = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins/${started.loginId}/redeem`, {
      loginSecret: started.loginSecret,
      completionCode,
    });
    expect(replay.status).toBe(409);
    expect((await replay.json()).error.code).toBe("login_already_redeemed");
    expect(storedRows(rig.gateway.dataDir).sessions).toBe(before.sessions + 1);
  });

  test("before the callback completed", async () => {
    const loginSecret = newLoginSecret();
    const created = await (
      await postJson(rig.gateway, `${rig.gateway.url}/auth/logins`, { loginSecret, country: "demo" })
    ).json();
    const res = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins/${created.loginId}/redeem`, {
      loginSecret,
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toEqual({
      code: "login_pending",
      message: "The sign-in has not finished yet. Complete it in the Exact Online window first.",
    });
  });
});

describe("start and callback", () => {
  test("starting an unknown login lands on the completion page with login_not_found", async () => {
    const done = completion(
      await redirectOf(rig.gateway, `${rig.gateway.url}/auth/logins/AAAAAAAAAAAAAAAAAAAAAA/start`),
    );
    expect(done).toMatchObject({ status: "error", code: "login_not_found" });
  });

  test("re-opening the start URL of a completed login does not start it again", async () => {
    const started = await startLogin(rig.gateway);
    expect(completion(await redirectOf(rig.gateway, started.callback.toString())).status).toBe("ok");
    const again = completion(await redirectOf(rig.gateway, started.startUrl));
    expect(again).toMatchObject({
      status: "error",
      code: "login_already_redeemed",
      loginId: started.loginId,
    });
  });

  test("a callback without state", async () => {
    const done = completion(
      await redirectOf(rig.gateway, `${rig.gateway.url}/auth/callback?code=XTzM!IAAAabc`),
    );
    expect(done).toMatchObject({ status: "error", code: "state_mismatch", loginId: null });
  });

  test("a callback with a state of an unknown login", async () => {
    const done = completion(
      await redirectOf(
        rig.gateway,
        `${rig.gateway.url}/auth/callback?code=x&state=AAAAAAAAAAAAAAAAAAAAAA.${"B".repeat(43)}`,
      ),
    );
    expect(done).toMatchObject({ status: "error", code: "state_mismatch" });
  });

  test("a state that was used is refused; no second chain or session appears", async () => {
    const started = await startLogin(rig.gateway);
    expect(completion(await redirectOf(rig.gateway, started.callback.toString())).status).toBe("ok");
    const before = storedRows(rig.gateway.dataDir);
    expect(completion(await redirectOf(rig.gateway, started.callback.toString())).code).toBe(
      "state_mismatch",
    );
    expect(storedRows(rig.gateway.dataDir)).toEqual(before);
  });
});

test("sessions: a missing, malformed or unknown bearer token is not signed in", async () => {
  for (const authorization of [undefined, "Basic abc", "Bearer short", `Bearer ${"A".repeat(43)}`]) {
    const res = await rig.gateway.fetch(`${rig.gateway.url}/auth/session`, {
      headers: authorization ? { authorization } : {},
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("not_signed_in");
  }
});

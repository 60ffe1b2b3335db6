/**
 * Issue 13 (5, 6): a user-supplied app may only redirect to this gateway's callback or an allowed URI;
 * a failure after the code exchange ends on the completion page, never a raw 500 or a stuck login;
 * EOL_TRUST_PROXY makes the /auth limit count client addresses, and signed-in callers count per session.
 */
import {
  completion,
  newLoginSecret,
  postJson,
  startLogin,
  startRig,
  storedRows,
} from "../../support/signInRig";
import { signInTestUser } from "../../support/gateway";
import { DEMO_APP } from "../../../src/simulator";

const GUID = "3f1c0d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";
const app = { country: "nl", clientId: GUID, clientSecret: "s3cret" };

describe("redirect URIs of user-supplied apps", () => {
  it("refuses another host's callback, naming the URI to register; nothing is stored", async () => {
    const rig = await startRig();
    try {
      const before = storedRows(rig.gateway.dataDir);
      const res = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins`, {
        loginSecret: newLoginSecret(),
        ...app,
        redirectUri: "https://attacker.example/auth/callback",
      });
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("invalid_request");
      expect(error.message).toContain(
        `this gateway's callback, ${rig.gateway.url}/auth/callback: register that as the redirect URI`,
      );
      expect(error.message).toContain("https://attacker.example/auth/callback");
      expect(storedRows(rig.gateway.dataDir)).toEqual(before);
    } finally {
      await rig.close();
    }
  });

  it("accepts this gateway's callback and the administrator's allow-list", async () => {
    const rig = await startRig({ EOL_ALLOWED_REDIRECT_URIS: "https://eol.example.com/auth/callback" });
    try {
      // The demo app at the simulator must know it too (the gateway probes the app first).
      rig.sim.apps.addRedirectUri(DEMO_APP.clientId, "https://eol.example.com/auth/callback");
      for (const redirectUri of [
        `${rig.gateway.url}/auth/callback`,
        "https://eol.example.com/auth/callback",
      ]) {
        const res = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins`, {
          loginSecret: newLoginSecret(),
          country: "demo",
          redirectUri,
        });
        expect(res.status).toBe(201);
      }
      const other = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins`, {
        loginSecret: newLoginSecret(),
        country: "demo",
        redirectUri: "https://eol.example.com/other/auth/callback",
      });
      expect(other.status).toBe(400);
    } finally {
      await rig.close();
    }
  });
});

it("an unreadable current/Me after the code exchange ends on the completion page with a clear message", async () => {
  const rig = await startRig();
  try {
    const { loginId, loginSecret, callback } = await startLogin(rig.gateway);
    rig.sim.setFaults("malformed:1");
    const res = await rig.gateway.fetch(callback, { redirect: "manual" });
    expect(res.status).toBe(302);
    const page = completion(new URL(res.headers.get("location")!, callback));
    // Not a plain error: the new tokens are kept and the page offers "Try again" (keptTokens.test.ts).
    expect(page.status).toBe("retry");
    // Issue 12: an unreadable answer (after the client's retries) is Exact being unavailable.
    expect(page.code).toBe("exact_unavailable");
    expect(page.message).toMatch(/signed in at Exact Online, but it did not say who you are/);
    rig.sim.setFaults(null);
    // The login is not stuck: redeem says why.
    const redeem = await postJson(rig.gateway, `${rig.gateway.url}/auth/logins/${loginId}/redeem`, {
      loginSecret,
    });
    expect(redeem.status).toBe(400);
    expect(((await redeem.json()) as { error: { code: string } }).error.code).toBe("exact_unavailable");
    // Signing in again works.
    expect((await signInTestUser(rig.gateway)).sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  } finally {
    await rig.close();
  }
});

describe("the /auth rate limit behind a proxy", () => {
  it("with EOL_TRUST_PROXY, counts each forwarded client address on its own", async () => {
    const rig = await startRig({ EOL_AUTH_RATE_LIMIT: "3", EOL_TRUST_PROXY: "true" });
    try {
      const config = (ip: string) =>
        rig.gateway
          .fetch(`${rig.gateway.url}/auth/config`, { headers: { "x-forwarded-for": ip } })
          .then((r) => r.status);
      expect([await config("10.0.0.1"), await config("10.0.0.1"), await config("10.0.0.1")]).toEqual([
        200, 200, 200,
      ]);
      expect(await config("10.0.0.1")).toBe(429);
      expect(await config("10.0.0.2")).toBe(200);
    } finally {
      await rig.close();
    }
  });

  it("without it, forwarded addresses are ignored (one proxy = one address)", async () => {
    const rig = await startRig({ EOL_AUTH_RATE_LIMIT: "2" });
    try {
      const config = (ip: string) =>
        rig.gateway
          .fetch(`${rig.gateway.url}/auth/config`, { headers: { "x-forwarded-for": ip } })
          .then((r) => r.status);
      expect([await config("10.0.0.1"), await config("10.0.0.2"), await config("10.0.0.3")]).toEqual([
        200, 200, 429,
      ]);
    } finally {
      await rig.close();
    }
  });

  it("signed-in callers are counted per session, so one user's polling does not lock out another", async () => {
    const rig = await startRig({ EOL_AUTH_RATE_LIMIT: "10" });
    try {
      // Two sign-ins from this address: 4 /auth requests each, counted against the address.
      const a = await signInTestUser(rig.gateway);
      const b = await signInTestUser(rig.gateway);
      const poll = (token: string) =>
        rig.gateway
          .fetch(`${rig.gateway.url}/auth/session`, { headers: { authorization: `Bearer ${token}` } })
          .then((r) => r.status);
      const polls = [];
      for (let i = 0; i < 10; i += 1) polls.push(await poll(a.sessionToken));
      expect(polls).toEqual(Array(10).fill(200));
      expect(await poll(a.sessionToken)).toBe(429);
      expect(await poll(b.sessionToken)).toBe(200);
      // An invented token counts against the address, which has two requests left.
      const invented = "A".repeat(43);
      expect([await poll(invented), await poll(invented), await poll(invented)]).toEqual([401, 401, 429]);
    } finally {
      await rig.close();
    }
  });
});

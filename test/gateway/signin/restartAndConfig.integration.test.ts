/** Persistence across restarts, the secret key file, admin-managed apps, Exact unreachable, rate limits. */
import fs from "node:fs";
import path from "node:path";
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator } from "../../../src/simulator";
import { signInTestUser, buildTestGateway } from "../../support/gateway";
import {
  completion,
  newLoginSecret,
  postJson,
  redirectOf,
  startLogin,
  storedRows,
} from "../../support/signInRig";

test("a gateway restart keeps sessions and chains working (tokens encrypted with the generated key)", async () => {
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1 });
  try {
    const first = await buildTestGateway({}, { clock, simulator: sim });
    const { sessionToken } = await signInTestUser(first);
    await first.close();
    const keyFile = path.join(first.dataDir, "secret.key");
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);

    // Same public URL as the first (built gateways have no port of their own), same data directory.
    const second = await buildTestGateway({}, { clock, simulator: sim, dataDir: first.dataDir });
    try {
      clock.advance(595_000); // the restarted gateway must also refresh with the stored refresh token
      const res = await second.fetch(`${second.url}/auth/session`, {
        headers: { authorization: `Bearer ${sessionToken}` },
      });
      expect(res.status).toBe(200);
      expect(sim.log.tokenCalls("refresh_token")).toBe(1);
    } finally {
      await second.close();
    }
  } finally {
    await sim.close();
  }
});

test("an admin-managed app: the add-in only signs in and cannot override the settings", async () => {
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1 });
  const clientId = "AAAAAAAA-1111-2222-3333-444444444444";
  const gateway = await buildTestGateway(
    {
      EOL_CLIENT_ID: `{${clientId}}`,
      EOL_CLIENT_SECRET: "managed-secret",
      EOL_REDIRECT_URI: "http://127.0.0.1:1/auth/callback",
      EOL_COUNTRY: "nl",
      EOL_EXACT_BASE_URL: sim.url,
      EOL_DEMO: "0",
    },
    { clock },
  ).catch((error: unknown) => {
    throw error;
  });
  sim.apps.register({
    clientId,
    clientSecret: "managed-secret",
    redirectUris: ["http://127.0.0.1:1/auth/callback"],
  });
  try {
    const config = await (await gateway.fetch(`${gateway.url}/auth/config`)).json();
    expect(config).toMatchObject({
      managed: true,
      country: "nl",
      countries: ["nl", "be", "de", "fr", "uk", "es", "us"],
    });
    const override = await postJson(gateway, `${gateway.url}/auth/logins`, {
      loginSecret: newLoginSecret(),
      clientId: "3f1c0d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f",
    });
    expect(override.status).toBe(403);
    expect((await override.json()).error.code).toBe("managed_app");
    const secretOverride = await postJson(gateway, `${gateway.url}/auth/logins`, {
      loginSecret: newLoginSecret(),
      clientSecret: "other",
    });
    expect((await secretOverride.json()).error.code).toBe("managed_app");
    // echoing the managed values (as the task pane may) is accepted
    const echoed = await postJson(gateway, `${gateway.url}/auth/logins`, {
      loginSecret: newLoginSecret(),
      country: "nl",
      redirectUri: "http://127.0.0.1:1/auth/callback",
    });
    expect(echoed.status).toBe(201);
    const started = await postJson(gateway, `${gateway.url}/auth/logins`, { loginSecret: newLoginSecret() });
    expect(started.status).toBe(201);
    const authorize = await redirectOf(gateway, (await started.json()).startUrl);
    expect(authorize.origin).toBe(new URL(sim.url).origin);
    expect(authorize.searchParams.get("client_id")).toBe(clientId.toLowerCase());
  } finally {
    await gateway.close();
    await sim.close();
  }
});

test("Exact unreachable: a clear message naming the host", async () => {
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1 });
  const gateway = await buildTestGateway({ EOL_EXACT_BASE_URL: sim.url }, { clock, simulator: sim });
  try {
    const started = await startLogin(gateway);
    await sim.close();
    // a new login is refused up front, and nothing is stored
    const refused = await postJson(gateway, `${gateway.url}/auth/logins`, {
      loginSecret: newLoginSecret(),
      country: "demo",
    });
    expect(refused.status).toBe(502);
    expect((await refused.json()).error).toEqual({
      code: "exact_unavailable",
      message: expect.stringMatching(
        /^Exact Online could not be reached at 127\.0\.0\.1:\d+\. Try again in a moment\.$/,
      ),
    });
    expect(storedRows(gateway.dataDir).logins).toBe(1);
    const done = completion(await redirectOf(gateway, started.callback.toString()));
    expect(done.code).toBe("exact_unavailable");
    expect(done.message).toMatch(/Exact Online could not be reached at 127\.0\.0\.1:\d+/);
  } finally {
    await gateway.close();
  }
});

test("redirect URI not registered or unknown client ID: refused up front with the URI to register", async () => {
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1 });
  const gateway = await buildTestGateway({ EOL_EXACT_BASE_URL: sim.url }, { clock, simulator: sim });
  try {
    const clientId = "22222222-2222-3333-4444-555555555555";
    sim.apps.register({ clientId, clientSecret: "s", redirectUris: ["https://elsewhere.example.com/cb"] });
    const body = { loginSecret: newLoginSecret(), country: "nl", clientId, clientSecret: "s" };
    const res = await postJson(gateway, `${gateway.url}/auth/logins`, body);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({
      code: "redirect_uri_mismatch",
      message: `Exact Online does not accept this redirect URI. Register ${gateway.url}/auth/callback as the redirect URI of your app in Exact's App Center.`,
    });
    const unknown = await postJson(gateway, `${gateway.url}/auth/logins`, {
      ...body,
      clientId: "99999999-2222-3333-4444-555555555555",
    });
    expect((await unknown.json()).error).toEqual({
      code: "invalid_client",
      message:
        "Exact Online does not know this client ID. Check the client ID of your app in Exact's App Center.",
    });
    expect(storedRows(gateway.dataDir).logins).toBe(0);
  } finally {
    await gateway.close();
    await sim.close();
  }
});

test("/auth routes are rate limited per IP", async () => {
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1 });
  const gateway = await buildTestGateway({ EOL_AUTH_RATE_LIMIT: "5" }, { clock, simulator: sim });
  try {
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await gateway.fetch(`${gateway.url}/auth/config`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const res = await gateway.fetch(`${gateway.url}/auth/config`);
    expect((await res.json()).error.code).toBe("too_many_requests");
    expect((await gateway.fetch(`${gateway.url}/healthz`)).status).toBe(200);
  } finally {
    await gateway.close();
    await sim.close();
  }
});

/**
 * The gateway client takes its session token from the provider it is given (it does not reach into the
 * token store), and tells that provider to forget the token once the gateway says the session is gone.
 * Real HTTP to the loopback gateway stand-in.
 */
import { GatewayClient, type SessionTokens } from "../../../src/addin/data/gatewayClient";
import { SIGN_IN_MESSAGE } from "../../../src/shared/rules/signInMessage";
import { STUB_TOKEN, startStubGateway, type StubGateway } from "../../support/addin/stubGateway";

let stub: StubGateway;
beforeAll(async () => {
  stub = await startStubGateway();
});
afterAll(async () => {
  await stub?.close();
});
beforeEach(() => {
  stub.requests.length = 0;
});

function tokens(token: string | null): SessionTokens & { token: string | null; cleared: number } {
  const provider = {
    token,
    cleared: 0,
    get: async () => provider.token,
    clear: async () => {
      provider.cleared += 1;
      provider.token = null;
    },
  };
  return provider;
}

test("sends the provider's token as a Bearer header", async () => {
  const provider = tokens(STUB_TOKEN);
  const client = new GatewayClient({ baseUrl: stub.baseUrl, tokens: provider });
  expect((await client.table("divisions")).rows.length).toBeGreaterThan(0);
  expect(stub.requests.map((request) => request.authorization)).toEqual([`Bearer ${STUB_TOKEN}`]);
  expect(provider.cleared).toBe(0);
});

test("without a token it asks to sign in and sends nothing", async () => {
  const client = new GatewayClient({ baseUrl: stub.baseUrl, tokens: tokens(null) });
  await expect(client.table("divisions")).rejects.toMatchObject({
    code: "not_signed_in",
    message: SIGN_IN_MESSAGE,
  });
  expect(stub.requests).toEqual([]);
});

test("a session the gateway no longer knows is cleared through the provider", async () => {
  const provider = tokens("expired-session-token");
  const client = new GatewayClient({ baseUrl: stub.baseUrl, tokens: provider });
  await expect(client.table("divisions")).rejects.toMatchObject({ code: "not_signed_in" });
  expect(provider.cleared).toBe(1);
  expect(provider.token).toBeNull();
});

test("signing out clears the provider's token even when the gateway cannot be reached", async () => {
  const provider = tokens(STUB_TOKEN);
  const client = new GatewayClient({
    baseUrl: stub.baseUrl,
    tokens: provider,
    fetchImpl: async () => {
      throw new TypeError("network down");
    },
  });
  await expect(client.signOut()).rejects.toMatchObject({ code: "network_error" });
  expect(provider.cleared).toBe(1);
});

/**
 * Token-chain rules, and a login's kept tokens refreshed by the same service, with a fake token
 * endpoint that behaves like Exact's (rotation, 570 s minimum, invalid_grant for an obsolete refresh
 * token), over the real encrypted SQLite store.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { VirtualClock } from "../../../src/shared/clock";
import { SecretBox } from "../../../src/gateway/crypto/secretBox";
import { openSqliteStore } from "../../../src/gateway/store/sqliteStore";
import type { RecordStore } from "../../../src/gateway/store/recordStore";
import { NEW_LOGIN_OUTCOME, type ChainTokens } from "../../../src/gateway/store/types";
import { ChainTokenService, type KeptTokens } from "../../../src/gateway/tokens/chainTokens";
import { FakeTokenEndpoint } from "../../support/fakeTokenEndpoint";
import { gate, stillPending } from "../../support/gate";
import { GatewayError } from "../../../src/gateway/errors";

let dir: string;
let store: RecordStore;
let clock: VirtualClock;
let endpoint: FakeTokenEndpoint;
let service: ChainTokenService;
let chainId: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "eol-chain-"));
  store = await openSqliteStore(dir, new SecretBox(crypto.randomBytes(32)));
  clock = new VirtualClock();
  endpoint = new FakeTokenEndpoint(clock);
  service = new ChainTokenService({
    store,
    endpoint: endpoint.client(),
    clock,
    baseUrlFor: () => "http://127.0.0.1:9",
  });
  const chain = await store.upsertChain(
    { ...endpoint.grant(), userId: "u1", clientId: "c1", country: "nl", clientSecret: "s" },
    clock.now(),
  );
  chainId = chain.id;
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const LOGIN = "L".repeat(22);

const keep = (tokens: ChainTokens) =>
  store.keepLoginTokens(LOGIN, {
    tokens,
    errorCode: "exact_unavailable",
    errorMessage: "",
    completionHash: "x",
  });

/** The login's kept tokens as the sign-in's "Try again" hands them over; the first call creates the login. */
async function keptLogin(): Promise<KeptTokens> {
  let login = await store.getLogin(LOGIN);
  if (!login) {
    const now = clock.now();
    await store.createLogin({
      id: LOGIN,
      secretHash: "h",
      country: "nl",
      clientId: "c1",
      clientSecret: "s",
      redirectUri: "https://gateway.test/auth/callback",
      managed: false,
      ...NEW_LOGIN_OUTCOME,
      createdAt: now,
      expiresAt: now + 600_000,
    });
    await keep(endpoint.grant());
    login = (await store.getLogin(LOGIN))!;
  }
  return { tokens: login.keptTokens!, country: "nl", clientId: "c1", clientSecret: "s", keep };
}

test("a young access token is used as is, without refreshing", async () => {
  clock.advance(569_000);
  expect(await service.getAccessToken(chainId)).toBe("access-0");
  expect(endpoint.refreshes).toBe(0);
});

test("50 concurrent callers at 590 s cause exactly one refresh and all get the new token", async () => {
  clock.advance(590_000);
  const tokens = await Promise.all(Array.from({ length: 50 }, () => service.getAccessToken(chainId)));
  expect(endpoint.refreshes).toBe(1);
  expect(new Set(tokens)).toEqual(new Set(["access-1"]));
  // the rotated refresh token was persisted
  expect((await store.getChain(chainId))!.refreshToken).toBe("refresh-1");
});

test("after a 401 only one caller refreshes; callers holding the old token get the rotated one", async () => {
  clock.advance(580_000);
  const results = await Promise.all(
    Array.from({ length: 10 }, () => service.refreshAfterUnauthorized(chainId, "access-0")),
  );
  expect(endpoint.refreshes).toBe(1);
  expect(new Set(results)).toEqual(new Set(["access-1"]));
});

test("invalid_grant marks the chain dead and every later call asks to sign in again", async () => {
  endpoint.current = "rotated-elsewhere";
  clock.advance(595_000);
  await expect(service.getAccessToken(chainId)).rejects.toMatchObject({ code: "reauth_required" });
  expect((await store.getChain(chainId))!.status).toBe("dead");
  await expect(service.getAccessToken(chainId)).rejects.toBeInstanceOf(GatewayError);
  expect(endpoint.invalidGrant).toBe(1);
});

test("tokens and the client secret are encrypted at rest", async () => {
  const raw = fs.readFileSync(path.join(dir, "eol-gateway.sqlite"));
  const wal = fs.existsSync(path.join(dir, "eol-gateway.sqlite-wal"))
    ? fs.readFileSync(path.join(dir, "eol-gateway.sqlite-wal"))
    : Buffer.alloc(0);
  for (const secret of ["access-0", "refresh-0"]) {
    expect(raw.includes(secret) || wal.includes(secret)).toBe(false);
  }
});

test("a new sign-in during a failing refresh keeps the chain alive with the new tokens", async () => {
  clock.advance(590_000);
  // While the refresh is on its way, the same user signs in again: Exact kills the old chain.
  endpoint.duringRefresh = async () => {
    endpoint.duringRefresh = undefined;
    endpoint.current = "refresh-of-new-sign-in";
    await store.upsertChain(
      {
        accessToken: "access-new-sign-in",
        refreshToken: "refresh-of-new-sign-in",
        accessIssuedAt: clock.now(),
        accessExpiresAt: clock.now() + 600_000,
        userId: "u1",
        clientId: "c1",
        country: "nl",
        clientSecret: "s",
      },
      clock.now(),
    );
  };
  const refreshing = service.getAccessToken(chainId);
  expect(await refreshing).toBe("access-new-sign-in");
  expect(endpoint.invalidGrant).toBe(1);
  expect((await store.getChain(chainId))!.status).toBe("live");
});

test("isChainLive: true for a live chain, false once it is marked dead or for an unknown ID", async () => {
  expect(await store.isChainLive(chainId)).toBe(true);
  expect(await store.isChainLive("no-such-chain")).toBe(false);
  const chain = (await store.getChain(chainId))!;
  expect(await store.markChainDead(chainId, chain.version, clock.now())).toBe(true);
  expect(await store.isChainLive(chainId)).toBe(false);
});

test.each([
  ["a chain's refresh", () => service.getAccessToken(chainId), async () => (await store.getChain(chainId))!],
  [
    "a login's kept tokens' refresh",
    async () => (await service.freshKept(await keptLogin()))?.accessToken,
    async () => (await store.getLogin(LOGIN))!.keptTokens!,
  ],
])(
  "settle() waits for %s under way until its rotated token is stored (graceful shutdown)",
  async (_, refresh, stored) => {
    await keptLogin();
    const endpointAnswer = gate();
    endpoint.duringRefresh = endpointAnswer.wait;
    clock.advance(590_000);
    const pending = refresh();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const settling = service.settle();
    expect(await stillPending(settling)).toBe(true);
    endpointAnswer.open();
    await settling;
    expect((await stored()).refreshToken).toBe(endpoint.current);
    expect(await pending).toBe("access-1");
  },
);

describe("a login's kept tokens (after a failed identity read): refreshed like a chain's", () => {
  test("young ones are used as they are; due ones are refreshed once and kept before use", async () => {
    await keptLogin();
    clock.advance(569_000);
    expect((await service.freshKept(await keptLogin()))?.accessToken).toBe("access-0");
    expect(endpoint.refreshes).toBe(0);
    clock.advance(11_000);
    expect((await service.freshKept(await keptLogin()))?.accessToken).toBe("access-1");
    expect(endpoint.refreshes).toBe(1);
    expect((await store.getLogin(LOGIN))?.keptTokens?.refreshToken).toBe("refresh-1");
  });

  test("a refresh token Exact refuses ends them (null), and nothing is kept", async () => {
    await keptLogin();
    clock.advance(580_000);
    const stale = await keptLogin();
    endpoint.current = "someone-else-rotated-it";
    expect(await service.freshKept(stale)).toBeNull();
    expect(endpoint.invalidGrant).toBe(1);
    expect((await store.getLogin(LOGIN))?.keptTokens?.refreshToken).toBe("refresh-0");
  });

  test("retries of one login queue on the tokens service's lock: one refresh, the others see it kept", async () => {
    await keptLogin();
    clock.advance(580_000);
    const retry = () =>
      service.exclusive(
        `login:${LOGIN}`,
        async () => (await service.freshKept(await keptLogin()))?.accessToken,
      );
    expect(await Promise.all([retry(), retry(), retry()])).toEqual(["access-1", "access-1", "access-1"]);
    expect(endpoint.refreshes).toBe(1);
    expect(endpoint.invalidGrant).toBe(0);
  });
});

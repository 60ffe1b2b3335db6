/**
 * Issue 13 (5): the tokens of a code exchange kept on a pending login while the identity read is
 * retried — on SQLite and on a real PostgreSQL: encrypted at rest, replaced only while pending, dropped
 * when the login completes or fails, and purged with an expired login.
 */
import crypto from "node:crypto";
import type { AuthStore, ChainTokens } from "../../../src/gateway/store/types";
import { startPostgres, type TestPostgres } from "../../support/postgres";
import { chain, login, NOW, postgresKind, sqlite, user } from "../../support/store/storeKinds";

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 90_000);
afterAll(() => postgres?.stop());

const tokens = (tag: string): ChainTokens => ({
  accessToken: `kept-access-${tag}`,
  accessIssuedAt: NOW,
  accessExpiresAt: NOW + 600_000,
  refreshToken: `kept-refresh-${tag}`,
});

const failure = { errorCode: "exact_unavailable", errorMessage: "Exact is away.", completionHash: "c" };

describe.each([sqlite, postgresKind(() => postgres)])("$name: tokens kept on a login", (kind) => {
  let store: AuthStore;
  let location: string;

  beforeAll(async () => {
    ({ store, location } = await kind.open(crypto.randomBytes(32)));
  });
  afterAll(() => store?.close());

  test("are kept (replaced on rotation) while pending, encrypted at rest, and dropped on completion", async () => {
    const record = login();
    await store.createLogin(record);
    expect(await store.keepLoginTokens(record.id, { tokens: tokens("1"), ...failure })).toBe(true);
    expect(await store.getLogin(record.id)).toMatchObject({
      status: "pending",
      keptTokens: tokens("1"),
      errorCode: "exact_unavailable",
      errorMessage: "Exact is away.",
      completionHash: "c",
    });
    expect(await store.keepLoginTokens(record.id, { tokens: tokens("2"), ...failure })).toBe(true);
    expect((await store.getLogin(record.id))?.keptTokens).toEqual(tokens("2"));
    const raw = await kind.rawText(location);
    for (const plain of ["kept-access-2", "kept-refresh-2", "kept-access-1"])
      expect(raw).not.toContain(plain);

    const { id: chainId } = await store.upsertChain(chain({ userId: "u-kept", ...tokens("2") }), NOW);
    await store.completeLogin(record.id, { chainId, user, currentDivision: null, completionHash: "d" });
    expect(await store.getLogin(record.id)).toMatchObject({
      status: "completed",
      keptTokens: null,
      errorCode: null,
      errorMessage: null,
    });
    // A completed login keeps nothing again.
    expect(await store.keepLoginTokens(record.id, { tokens: tokens("3"), ...failure })).toBe(false);
    expect((await store.getLogin(record.id))?.keptTokens).toBeNull();
  });

  test("are dropped when the login fails", async () => {
    const record = login();
    await store.createLogin(record);
    await store.keepLoginTokens(record.id, { tokens: tokens("f"), ...failure });
    await store.failLogin(record.id, "login_expired", "Start again.");
    expect(await store.getLogin(record.id)).toMatchObject({ status: "failed", keptTokens: null });
  });

  test("are purged with the expired login", async () => {
    const expired = login({ expiresAt: NOW - 1 });
    const live = login({ expiresAt: NOW + 60_000 });
    for (const record of [expired, live]) {
      await store.createLogin(record);
      await store.keepLoginTokens(record.id, { tokens: tokens(record.id), ...failure });
    }
    const counts = await store.purge({ now: NOW, sessionIdleBefore: 0, sessionCreatedBefore: 0 });
    expect(counts.logins).toBeGreaterThanOrEqual(1);
    expect(await store.getLogin(expired.id)).toBeNull();
    expect((await store.getLogin(live.id))?.keptTokens).toEqual(tokens(live.id));
  });
});

/**
 * One contract for every sign-in store, run against SQLite and against a real PostgreSQL server: the
 * single-use claims hold under concurrency, chains rotate and die only at the expected version, and
 * secrets are encrypted at rest.
 */
import crypto from "node:crypto";
import { SecretBox } from "../../../src/gateway/crypto/secretBox";
import { MIGRATION_TABLE, storeMigrations } from "../../../src/gateway/store/migrations";
import { PostgresAuthStore } from "../../../src/gateway/store/postgresStore";
import { openSqliteStore } from "../../../src/gateway/store/sqliteStore";
import type { AuthStore } from "../../../src/gateway/store/types";
import { startPostgres, type TestPostgres } from "../../support/postgres";
import { chain, login, NOW, postgresKind, session, sqlite, user } from "../../support/store/storeKinds";

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 90_000);
afterAll(() => postgres?.stop());

const onPostgres = postgresKind(() => postgres);

const wins = (results: boolean[]): number => results.filter(Boolean).length;

describe.each([sqlite, onPostgres])("$name store contract", (kind) => {
  const key = crypto.randomBytes(32);
  let store: AuthStore;
  let location: string;

  beforeAll(async () => {
    ({ store, location } = await kind.open(key));
  });
  afterAll(() => store?.close());

  test("a login round-trips, its state is claimed once even by concurrent callers", async () => {
    const record = login({ managed: true });
    await store.createLogin(record);
    expect(await store.getLogin(record.id)).toEqual(record);
    expect(await store.setLoginState(record.id, "state-1")).toBe(true);
    expect(await store.claimLoginState(record.id, "wrong")).toBe(false);
    const claims = await Promise.all(
      Array.from({ length: 8 }, () => store.claimLoginState(record.id, "state-1")),
    );
    expect(wins(claims)).toBe(1);
    expect((await store.getLogin(record.id))?.stateHash).toBeNull();
    expect(await store.getLogin("missing")).toBeNull();
  });

  test("a completed login is redeemed into exactly one session, even by concurrent callers", async () => {
    const { id: chainId } = await store.upsertChain(chain({ userId: "u-redeem" }), NOW);
    const record = login();
    await store.createLogin(record);
    await store.completeLogin(record.id, { chainId, user, currentDivision: 12345, completionHash: "c-hash" });
    const completed = await store.getLogin(record.id);
    expect(completed).toMatchObject({ status: "completed", chainId, user, currentDivision: 12345 });
    expect(completed?.completionHash).toBe("c-hash");
    const sessions = Array.from({ length: 6 }, () => session(chainId));
    const redeemed = await Promise.all(sessions.map((candidate) => store.redeemLogin(record.id, candidate)));
    expect(wins(redeemed)).toBe(1);
    const winner = sessions[redeemed.indexOf(true)];
    expect(await store.getSessionByTokenHash(winner.tokenHash)).toEqual(winner);
    for (const loser of sessions.filter((_, index) => !redeemed[index])) {
      expect(await store.getSessionByTokenHash(loser.tokenHash)).toBeNull();
    }
    expect((await store.getLogin(record.id))?.status).toBe("redeemed");
  });

  test("a failed login keeps its code and message and can no longer be claimed", async () => {
    const record = login({ stateHash: "s" });
    await store.createLogin(record);
    await store.failLogin(record.id, "access_denied", "You declined.");
    expect(await store.getLogin(record.id)).toMatchObject({
      status: "failed",
      errorCode: "access_denied",
      errorMessage: "You declined.",
      stateHash: null,
    });
    expect(await store.claimLoginState(record.id, "s")).toBe(false);
    expect(await store.setLoginState(record.id, "t")).toBe(false);
  });

  test("expired logins are deleted, live ones kept", async () => {
    const old = login({ expiresAt: NOW - 1 });
    const fresh = login({ expiresAt: NOW + 60_000 });
    await store.createLogin(old);
    await store.createLogin(fresh);
    expect(await store.deleteExpiredLogins(NOW)).toBeGreaterThanOrEqual(1);
    expect(await store.getLogin(old.id)).toBeNull();
    expect(await store.getLogin(fresh.id)).not.toBeNull();
  });

  test("sessions are touched, deleted one by one and per chain", async () => {
    const { id: chainId } = await store.upsertChain(chain({ userId: "u-sessions" }), NOW);
    const [a, b, c] = [session(chainId), session(chainId), session(chainId, { currentDivision: null })];
    for (const [index, candidate] of [a, b, c].entries()) {
      const record = login();
      await store.createLogin(record);
      await store.completeLogin(record.id, {
        chainId,
        user,
        currentDivision: null,
        completionHash: `h${index}`,
      });
      expect(await store.redeemLogin(record.id, candidate)).toBe(true);
    }
    await store.touchSession(a.id, NOW + 5_000);
    expect((await store.getSessionByTokenHash(a.tokenHash))?.lastUsedAt).toBe(NOW + 5_000);
    expect((await store.getSessionByTokenHash(c.tokenHash))?.currentDivision).toBeNull();
    await store.deleteSession(a.id);
    expect(await store.getSessionByTokenHash(a.tokenHash)).toBeNull();
    expect(await store.deleteSessionsOfChain(chainId)).toBe(2);
    expect(await store.getSessionByTokenHash(b.tokenHash)).toBeNull();
  });

  test("a session and its chain's status come in one read; a deleted session or a dead chain is not served", async () => {
    const live = await store.upsertChain(chain({ userId: "u-joined" }), NOW);
    const mine = session(live.id);
    const record = login();
    await store.createLogin(record);
    await store.completeLogin(record.id, {
      chainId: live.id,
      user,
      currentDivision: 7,
      completionHash: "hj",
    });
    expect(await store.redeemLogin(record.id, mine)).toBe(true);
    expect(await store.getSessionWithChain(mine.tokenHash)).toEqual({ session: mine, chainLive: true });
    await store.deleteSession(mine.id);
    expect(await store.getSessionWithChain(mine.tokenHash)).toBeNull();
    const again = session(live.id);
    const second = login();
    await store.createLogin(second);
    await store.completeLogin(second.id, {
      chainId: live.id,
      user,
      currentDivision: 7,
      completionHash: "hk",
    });
    expect(await store.redeemLogin(second.id, again)).toBe(true);
    expect(await store.markChainDead(live.id, live.version, NOW)).toBe(true);
    // A dead chain's sessions are never served as live (the store may also have signed them out).
    expect((await store.getSessionWithChain(again.tokenHash))?.chainLive ?? false).toBe(false);
  });

  test("a new sign-in supersedes the chain of the same user, app and country (same id, next version)", async () => {
    const first = await store.upsertChain(chain({ userId: "u-upsert" }), NOW);
    expect(first).toMatchObject({ status: "live", version: 1, refreshToken: "refresh-token-plain" });
    expect(await store.markChainDead(first.id, first.version, NOW)).toBe(true);
    expect(await store.isChainLive(first.id)).toBe(false);
    const second = await store.upsertChain(chain({ userId: "u-upsert", refreshToken: "r-2" }), NOW + 1);
    expect(second).toMatchObject({ id: first.id, status: "live", version: 2, refreshToken: "r-2" });
    expect(await store.isChainLive(first.id)).toBe(true);
    const other = await store.upsertChain(chain({ userId: "u-upsert", country: "be" }), NOW);
    expect(other.id).not.toBe(first.id);
    expect(await store.isChainLive("missing")).toBe(false);
    expect(await store.getChain("missing")).toBeNull();
  });

  test("a rotation wins only at the expected version, and only one of concurrent rotations", async () => {
    const start = await store.upsertChain(chain({ userId: "u-rotate" }), NOW);
    const rotations = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        store.rotateChain(
          start.id,
          start.version,
          {
            accessToken: `a-${index}`,
            accessIssuedAt: NOW + 600_000,
            accessExpiresAt: NOW + 1_200_000,
            refreshToken: `r-${index}`,
          },
          NOW + 600_000,
        ),
      ),
    );
    expect(wins(rotations)).toBe(1);
    const rotated = await store.getChain(start.id);
    const winner = rotations.indexOf(true);
    expect(rotated).toMatchObject({
      version: start.version + 1,
      accessToken: `a-${winner}`,
      refreshToken: `r-${winner}`,
      accessIssuedAt: NOW + 600_000,
      accessExpiresAt: NOW + 1_200_000,
      updatedAt: NOW + 600_000,
    });
    // A caller that read the old version can neither rotate nor kill the rotated chain.
    expect(await store.markChainDead(start.id, start.version, NOW)).toBe(false);
    expect(await store.isChainLive(start.id)).toBe(true);
    expect(await store.markChainDead(start.id, start.version + 1, NOW)).toBe(true);
    const tokens = { accessToken: "x", accessIssuedAt: 0, accessExpiresAt: 0, refreshToken: "y" };
    expect(await store.rotateChain(start.id, start.version + 1, tokens, NOW)).toBe(false);
  });

  test("a chain marked dead takes its sessions with it", async () => {
    const dead = await store.upsertChain(chain({ userId: "u-dead" }), NOW);
    const record = login();
    await store.createLogin(record);
    await store.completeLogin(record.id, {
      chainId: dead.id,
      user,
      currentDivision: null,
      completionHash: "d",
    });
    const doomed = session(dead.id);
    expect(await store.redeemLogin(record.id, doomed)).toBe(true);
    expect(await store.markChainDead(dead.id, dead.version, NOW)).toBe(true);
    expect(await store.getSessionByTokenHash(doomed.tokenHash)).toBeNull();
  });

  test("purge deletes expired logins, idle or old sessions and dead chains, and nothing else", async () => {
    const purgeStore = (await kind.open(crypto.randomBytes(32))).store;
    try {
      const live = await purgeStore.upsertChain(chain({ userId: "u-live" }), NOW);
      const dead = await purgeStore.upsertChain(chain({ userId: "u-gone" }), NOW);
      const sessions = {
        fresh: session(live.id, { lastUsedAt: NOW, createdAt: NOW }),
        idle: session(live.id, { lastUsedAt: NOW - 10_000, createdAt: NOW }),
        old: session(live.id, { lastUsedAt: NOW, createdAt: NOW - 90_000 }),
      };
      for (const [index, candidate] of Object.values(sessions).entries()) {
        const record = login();
        await purgeStore.createLogin(record);
        await purgeStore.completeLogin(record.id, {
          chainId: live.id,
          user,
          currentDivision: null,
          completionHash: `p${index}`,
        });
        await purgeStore.redeemLogin(record.id, candidate);
      }
      await purgeStore.createLogin(login({ expiresAt: NOW - 1 }));
      const kept = login({ expiresAt: NOW + 1 });
      await purgeStore.createLogin(kept);
      expect(await purgeStore.markChainDead(dead.id, dead.version, NOW)).toBe(true);
      const counts = await purgeStore.purge({
        now: NOW,
        sessionIdleBefore: NOW - 5_000,
        sessionCreatedBefore: NOW - 60_000,
      });
      // The three redeemed logins expire at NOW + 600 s and stay, like `kept`.
      expect(counts).toEqual({ logins: 1, sessions: 2, chains: 1 });
      expect(await purgeStore.getSessionByTokenHash(sessions.fresh.tokenHash)).not.toBeNull();
      expect(await purgeStore.getLogin(kept.id)).not.toBeNull();
      expect(await purgeStore.getChain(dead.id)).toBeNull();
      expect(await purgeStore.isChainLive(live.id)).toBe(true);
    } finally {
      await purgeStore.close();
    }
  });

  test("client secrets and tokens are encrypted at rest", async () => {
    const text = await kind.rawText(location);
    expect(text).toContain("v1.");
    for (const plain of ["client-secret-plain", "access-token-plain", "refresh-token-plain", "r-2"]) {
      expect(text).not.toContain(plain);
    }
  });

  test("another key cannot open the same data", async () => {
    const reopen =
      kind === sqlite
        ? () => openSqliteStore(location, new SecretBox(crypto.randomBytes(32)))
        : () => PostgresAuthStore.open(location, new SecretBox(crypto.randomBytes(32)));
    await expect(reopen()).rejects.toThrow(/secret key does not match/);
  });
});

describe("PostgreSQL store start-up", () => {
  test("instances starting at once all open the store; each migration runs once", async () => {
    const url = await postgres.createDatabase();
    const key = crypto.randomBytes(32);
    const stores = await Promise.all(
      Array.from({ length: 6 }, () => PostgresAuthStore.open(url, new SecretBox(key))),
    );
    const first = await stores[0].upsertChain(chain(), NOW);
    expect((await stores[5].getChain(first.id))?.refreshToken).toBe("refresh-token-plain");
    const { rows } = await stores[0].pool.query(
      `SELECT name, count(*)::int AS n FROM ${MIGRATION_TABLE} GROUP BY name ORDER BY name`,
    );
    expect(rows).toEqual(Object.keys(storeMigrations("postgres")).map((name) => ({ name, n: 1 })));
    await Promise.all(stores.map((store) => store.close()));
  });

  test("purge also drops the shared error ledger's rows that no longer count", async () => {
    const store = await PostgresAuthStore.open(
      await postgres.createDatabase(),
      new SecretBox(crypto.randomBytes(32)),
    );
    try {
      await store.errorLedger.record("old", NOW - 3_700_000);
      await store.errorLedger.record("recent", NOW - 60_000);
      await store.errorLedger.block("ended", NOW - 1);
      await store.errorLedger.block("running", NOW + 60_000);
      await store.purge({ now: NOW, sessionIdleBefore: 0, sessionCreatedBefore: 0 });
      const { rows: events } = await store.pool.query("SELECT key FROM eol_error_events");
      const { rows: blocks } = await store.pool.query("SELECT key FROM eol_error_blocks");
      expect(events).toEqual([{ key: "recent" }]);
      expect(blocks).toEqual([{ key: "running" }]);
    } finally {
      await store.close();
    }
  });

  test("an unreachable server gives a clear error without the password", async () => {
    const free = new URL(postgres.url);
    free.port = "1";
    free.password = "do-not-print";
    const attempt = PostgresAuthStore.open(free.toString(), new SecretBox(crypto.randomBytes(32)));
    await expect(attempt).rejects.toThrow(/PostgreSQL store at 127\.0\.0\.1:1\/eol could not be opened/);
    await expect(attempt).rejects.not.toThrow(/do-not-print/);
  });
});

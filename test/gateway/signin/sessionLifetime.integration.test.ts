/**
 * Issue 13 (4): sessions end after their idle and absolute lifetimes (401 session_expired), a dead
 * chain's sessions are deleted and never revived by a new sign-in, and a purge removes expired logins,
 * sessions and dead chains.
 */
import crypto from "node:crypto";
import { SecretBox } from "../../../src/gateway/crypto/secretBox";
import { openSqliteStore } from "../../../src/gateway/store/sqliteStore";
import type { RecordStore } from "../../../src/gateway/store/recordStore";
import { purgeExpired, sessionLifetime } from "../../../src/gateway/sessions/lifetime";
import { signInTestUser, buildTestGateway } from "../../support/gateway";
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator } from "../../../src/simulator";
import { NEW_LOGIN_OUTCOME } from "../../../src/gateway/store/types";
import { startRig, storedRows, type Rig } from "../../support/signInRig";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const DAY = 86_400_000;

async function session(rig: Rig, token: string): Promise<{ status: number; code?: string }> {
  const res = await rig.gateway.fetch(`${rig.gateway.url}/auth/session`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, code: body.error?.code };
}

describe("session lifetimes through the gateway", () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ EOL_SESSION_IDLE_DAYS: "2", EOL_SESSION_MAX_DAYS: "5" });
  });
  afterAll(() => rig.close());

  it("an idle session expires: 401 session_expired, and the session is gone", async () => {
    const { sessionToken } = await signInTestUser(rig.gateway);
    expect((await session(rig, sessionToken)).status).toBe(200);
    rig.clock.advance(2 * DAY - 120_000);
    expect((await session(rig, sessionToken)).status).toBe(200); // used: idle time starts again
    rig.clock.advance(2 * DAY + 1000);
    const before = storedRows(rig.gateway.dataDir).sessions;
    expect(await session(rig, sessionToken)).toEqual({ status: 401, code: "session_expired" });
    expect(storedRows(rig.gateway.dataDir).sessions).toBe(before - 1);
    expect(await session(rig, sessionToken)).toEqual({ status: 401, code: "not_signed_in" });
  });

  it("a session in daily use still ends at its absolute lifetime", async () => {
    const { sessionToken } = await signInTestUser(rig.gateway);
    for (let day = 0; day < 5; day += 1) {
      rig.clock.advance(DAY);
      // Exact's refresh token lives 30 days unused; the gateway keeps it fresh while the session is used.
      expect((await session(rig, sessionToken)).status).toBe(200);
    }
    rig.clock.advance(60_000);
    expect(await session(rig, sessionToken)).toEqual({ status: 401, code: "session_expired" });
    const data = await rig.gateway.fetch(`${rig.gateway.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${sessionToken}` },
    });
    expect(data.status).toBe(401);
  });
});

describe("the store: dead chains and the purge", () => {
  const now = Date.UTC(2026, 10, 23, 9);
  const user = { id: "u1", fullName: "U", userName: "u", email: null };
  const tokens = { accessToken: "a", accessIssuedAt: now, accessExpiresAt: now + 600_000, refreshToken: "r" };
  let dir: string;
  let store: RecordStore;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "eol-purge-"));
    store = await openSqliteStore(dir, new SecretBox(crypto.randomBytes(32)));
  });
  afterEach(() => store.close());

  const newSession = (chainId: string, id: string, createdAt: number, lastUsedAt = createdAt) => ({
    id,
    tokenHash: crypto.createHash("sha256").update(id).digest("hex"),
    chainId,
    user,
    country: "nl" as const,
    clientId: "app",
    currentDivision: 1,
    managed: false,
    createdAt,
    lastUsedAt,
  });
  const login = (id: string, expiresAt: number) => ({
    id,
    secretHash: "h",
    country: "nl" as const,
    clientId: "app",
    clientSecret: "s",
    redirectUri: "https://x/auth/callback",
    managed: false,
    ...NEW_LOGIN_OUTCOME,
    createdAt: expiresAt - 600_000,
    expiresAt,
  });

  it("marking a chain dead deletes its sessions; a new sign-in revives the chain but not them", async () => {
    const chain = await store.upsertChain(
      { ...tokens, userId: "u1", clientId: "app", country: "nl", clientSecret: "s" },
      now,
    );
    await store.createLogin(login("l1", now + 600_000));
    await store.completeLogin("l1", { chainId: chain.id, user, currentDivision: 1, completionHash: "c" });
    expect(await store.redeemLogin("l1", newSession(chain.id, "s1", now))).toBe(true);
    expect(await store.markChainDead(chain.id, chain.version, now)).toBe(true);
    expect(await store.getSessionByTokenHash(newSession(chain.id, "s1", now).tokenHash)).toBeNull();
    const revived = await store.upsertChain(
      { ...tokens, userId: "u1", clientId: "app", country: "nl", clientSecret: "s" },
      now + 1000,
    );
    expect(revived.id).toBe(chain.id);
    expect(revived.status).toBe("live");
    expect(await store.getSessionByTokenHash(newSession(chain.id, "s1", now).tokenHash)).toBeNull();
  });

  it("purge removes expired logins, idle and too-old sessions, and dead chains; keeps the rest", async () => {
    const live = await store.upsertChain(
      { ...tokens, userId: "u1", clientId: "app", country: "nl", clientSecret: "s" },
      now,
    );
    const dead = await store.upsertChain(
      { ...tokens, userId: "u2", clientId: "app", country: "nl", clientSecret: "s" },
      now,
    );
    await store.createLogin(login("expired", now - 1));
    await store.createLogin(login("current", now + 60_000));
    const lifetime = sessionLifetime({ sessionIdleDays: 30, sessionMaxDays: 90 });
    const sessions = [
      newSession(live.id, "fresh", now - DAY),
      newSession(live.id, "idle", now - 40 * DAY, now - 31 * DAY),
      newSession(live.id, "old", now - 91 * DAY, now - DAY),
    ];
    for (const [index, s] of sessions.entries()) {
      await store.createLogin(login(`r${index}`, now + 600_000));
      await store.completeLogin(`r${index}`, {
        chainId: live.id,
        user,
        currentDivision: 1,
        completionHash: "c",
      });
      expect(await store.redeemLogin(`r${index}`, s)).toBe(true);
    }
    await store.markChainDead(dead.id, dead.version, now);
    const counts = await purgeExpired(store, lifetime, now);
    expect(counts).toEqual({ logins: 1, sessions: 2, chains: 1 });
    expect(await store.getLogin("expired")).toBeNull();
    expect(await store.getLogin("current")).not.toBeNull();
    expect(await store.getSessionByTokenHash(sessions[0].tokenHash)).not.toBeNull();
    expect(await store.getChain(dead.id)).toBeNull();
    expect(await store.getChain(live.id)).not.toBeNull();
  });
});

test("the gateway purges periodically on its own", async () => {
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1 });
  const gateway = await buildTestGateway(
    { EOL_EXACT_BASE_URL: sim.url },
    { clock, simulator: sim, purgeIntervalMs: 50 },
  );
  try {
    await signInTestUser(gateway);
    expect(storedRows(gateway.dataDir)).toMatchObject({ sessions: 1, chains: 1 });
    clock.advance(31 * DAY);
    const deadline = Date.now() + 10_000;
    while (storedRows(gateway.dataDir).sessions > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(storedRows(gateway.dataDir).sessions).toBe(0);
  } finally {
    await gateway.close();
    await sim.close();
  }
});

/**
 * Token chains against the simulator on a VirtualClock: single-flight refresh at 590 s, two sessions of
 * one user sharing a chain for two simulated hours, and one user's session never using another's chain.
 */
import type { SessionInfo } from "../../../src/shared/api";
import { signInTestUser } from "../../support/gateway";
import { loadOrCreateSecretKey, SecretBox } from "../../../src/gateway/crypto/secretBox";
import { openSqliteStore } from "../../../src/gateway/store/sqliteStore";
import { startRig, type Rig } from "../../support/signInRig";
import { authorizeElsewhere } from "../../support/chainAtExact";

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig?.close();
});

/** A request with this session token, as the session resolver reads it. */
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` }, eolStoredSession: null });

const getSession = (rig: Rig, token: string) =>
  rig.gateway.fetch(`${rig.gateway.url}/auth/session`, { headers: { authorization: `Bearer ${token}` } });

test("50 concurrent calls at 590 s cause exactly one refresh upstream", async () => {
  const { sessionToken } = await signInTestUser(rig.gateway);
  const refreshesBefore = rig.sim.log.tokenCalls("refresh_token");
  rig.clock.advance(590_000);
  const responses = await Promise.all(Array.from({ length: 50 }, () => getSession(rig, sessionToken)));
  expect(responses.map((res) => res.status)).toEqual(Array(50).fill(200));
  expect(rig.sim.log.tokenCalls("refresh_token") - refreshesBefore).toBe(1);
  expect(rig.sim.log.count({ kind: "token", status: 400 })).toBe(0);
});

test("two sessions of one user over 2 simulated hours: zero invalid_grant, zero early refreshes", async () => {
  const a = await signInTestUser(rig.gateway);
  const b = await signInTestUser(rig.gateway);
  expect(b.session.user.id).toBe(a.session.user.id);
  const start = rig.clock.now();
  let calls = 0;
  while (rig.clock.now() - start < 2 * 3600_000) {
    rig.clock.advance(8_000);
    const [ra, rb] = await Promise.all([getSession(rig, a.sessionToken), getSession(rig, b.sessionToken)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    calls += 2;
  }
  expect(calls).toBeGreaterThan(1700);
  expect(rig.sim.log.count({ kind: "token", status: 400 })).toBe(0);
  expect(rig.sim.log.count({ kind: "token", status: 401 })).toBe(0);
  // one refresh per ~10 minutes on the one shared chain: 12 in two hours (never more)
  const refreshes = rig.sim.log.tokenCalls("refresh_token");
  expect(refreshes).toBeGreaterThanOrEqual(11);
  expect(refreshes).toBeLessThanOrEqual(12);
}, 120_000); // ~1800 session checks; slow on a busy machine

test("one user's session never uses another user's chain", async () => {
  const users = rig.sim.data.users.filter((user) => user.userId !== rig.sim.data.primaryUserId);
  const other = users[0];
  const mine = await signInTestUser(rig.gateway);
  const theirs = await signInTestUser(rig.gateway, { userId: other.userId });
  expect(theirs.session.user.id).toBe(other.userId.toLowerCase());
  expect(mine.session.user.id).not.toBe(theirs.session.user.id);
  for (let round = 0; round < 3; round++) {
    rig.clock.advance(600_000);
    const [ra, rb] = await Promise.all([
      getSession(rig, mine.sessionToken),
      getSession(rig, theirs.sessionToken),
    ]);
    expect(((await ra.json()) as SessionInfo).user.id).toBe(mine.session.user.id);
    expect(((await rb.json()) as SessionInfo).user.id).toBe(theirs.session.user.id);
  }
  // Signing one user out everywhere leaves the other signed in.
  await rig.gateway.fetch(`${rig.gateway.url}/auth/session?all=true`, {
    method: "DELETE",
    headers: { authorization: `Bearer ${theirs.sessionToken}` },
  });
  expect((await getSession(rig, theirs.sessionToken)).status).toBe(401);
  expect((await getSession(rig, mine.sessionToken)).status).toBe(200);
  // The chains the gateway uses are the simulator's chains of each user.
  const ctx = await rig.gateway.app.sessions.resolve(bearer(mine.sessionToken));
  expect(ctx.userId).toBe(mine.session.user.id);
});

test("a 401 from Exact: one refresh, the call retried, the session keeps working", async () => {
  const { sessionToken } = await signInTestUser(rig.gateway);
  const ctx = await rig.gateway.app.sessions.resolve(bearer(sessionToken));
  // Make the stored access token one Exact no longer accepts, while it still looks young to the gateway.
  const store = await openSqliteStore(
    rig.gateway.dataDir,
    new SecretBox(loadOrCreateSecretKey(null, rig.gateway.dataDir)),
  );
  try {
    rig.clock.advance(575_000);
    const chain = (await store.getChain(ctx.chainId))!;
    const now = rig.clock.now();
    await store.rotateChain(
      chain.id,
      chain.version,
      { ...chain, accessToken: "revoked-token", accessIssuedAt: now, accessExpiresAt: now + 600_000 },
      now,
    );
  } finally {
    await store.close();
  }
  const refreshesBefore = rig.sim.log.tokenCalls("refresh_token");
  const res = await getSession(rig, sessionToken);
  expect(res.status).toBe(200);
  expect(rig.sim.log.tokenCalls("refresh_token") - refreshesBefore).toBe(1);
  expect(rig.sim.log.count({ kind: "token", status: 400 })).toBe(0);
  expect(await rig.gateway.app.tokens.getAccessToken(ctx.chainId)).not.toBe("revoked-token");
});

test("a dead chain (invalid_grant) asks every session of it to sign in again", async () => {
  const { sessionToken } = await signInTestUser(rig.gateway);
  const ctx = await rig.gateway.app.sessions.resolve(bearer(sessionToken));
  // Another client authorizing the same user and app kills our chain at Exact (reference §1.6).
  await authorizeElsewhere(rig.sim, rig.gateway.url);
  rig.clock.advance(595_000);
  const res = await getSession(rig, sessionToken);
  expect(res.status).toBe(401);
  expect((await res.json()).error).toEqual({
    code: "reauth_required",
    message: "Your Exact Online sign-in has ended. Sign in again (EOL task pane).",
  });
  await expect(rig.gateway.app.tokens.getAccessToken(ctx.chainId)).rejects.toMatchObject({
    code: "reauth_required",
  });
});

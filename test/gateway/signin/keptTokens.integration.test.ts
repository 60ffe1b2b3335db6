/**
 * Issue 13 (5): a failure after the code exchange (current/Me unreadable, Exact down) keeps the new
 * tokens; "Try again" on the completion page reads the identity with them — one code exchange, no
 * second consent, no chain marked dead — and the kept tokens never show in logs, answers or the file.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DATABASE_FILE } from "../../../src/gateway/store/sqliteStore";
import type { TestGateway } from "../../support/gateway";
import {
  completion,
  completionCodeOf,
  postJson,
  redirectOf,
  startLogin,
  startRig,
  storedRows,
} from "../../support/signInRig";

/** POST identify ("Try again"): the answer and, when 200, where the sign-in window goes next. */
async function tryAgain(gateway: TestGateway, loginId: string, completionCode: string) {
  const res = await postJson(gateway, `${gateway.url}/auth/logins/${loginId}/identify`, { completionCode });
  const text = await res.text();
  const body = JSON.parse(text) as { location?: string; error?: { code: string } };
  const next = body.location ? new URL(body.location, gateway.url) : null;
  return { status: res.status, text, body, next };
}

function deadChains(dataDir: string): number {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM chains WHERE status = 'dead'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function redeem(gateway: TestGateway, loginId: string, loginSecret: string, completionCode: string) {
  const res = await postJson(gateway, `${gateway.url}/auth/logins/${loginId}/redeem`, {
    loginSecret,
    completionCode,
  });
  return { status: res.status, text: await res.text() };
}

describe.each(["malformed:1", "503:1"])("current/Me failing after the code exchange (%s)", (fault) => {
  it("ends on the completion page with Try again, which signs in without a second code", async () => {
    const rig = await startRig();
    try {
      const { loginId, loginSecret, callback } = await startLogin(rig.gateway);
      rig.sim.setFaults(fault);
      const page = await redirectOf(rig.gateway, callback.toString());
      rig.sim.setFaults(null);
      expect(completion(page)).toMatchObject({ status: "retry", code: "exact_unavailable", loginId });
      expect(completion(page).message).toMatch(
        /^You signed in at Exact Online, but it did not say who you are \(.+\) Try again in a minute\.$/,
      );
      const completionCode = completionCodeOf(page);
      // Until the retry, redeem says why, and no chain exists.
      const early = await redeem(rig.gateway, loginId, loginSecret, completionCode);
      expect(early.status).toBe(400);
      expect(JSON.parse(early.text).error.code).toBe("exact_unavailable");
      expect(storedRows(rig.gateway.dataDir).chains).toBe(0);
      // Only the window that was handed the code may retry.
      expect((await tryAgain(rig.gateway, loginId, "x".repeat(43))).status).toBe(403);

      const retried = await tryAgain(rig.gateway, loginId, completionCode);
      expect(retried.status).toBe(200);
      expect(retried.next?.pathname).toBe("/auth-complete.html");
      expect(completion(retried.next!)).toMatchObject({ status: "ok", loginId });
      const redeemed = await redeem(rig.gateway, loginId, loginSecret, completionCodeOf(retried.next!));
      expect(redeemed.status).toBe(200);
      const { sessionToken } = JSON.parse(redeemed.text) as { sessionToken: string };
      const auth = { authorization: `Bearer ${sessionToken}` };
      expect((await rig.gateway.fetch(`${rig.gateway.url}/auth/session`, { headers: auth })).status).toBe(
        200,
      );
      expect((await rig.gateway.fetch(`${rig.gateway.url}/api/v1/divisions`, { headers: auth })).status).toBe(
        200,
      );

      expect(rig.sim.log.tokenCalls("authorization_code")).toBe(1);
      expect(deadChains(rig.gateway.dataDir)).toBe(0);
      expect(storedRows(rig.gateway.dataDir).chains).toBe(1);
      expect((await rig.gateway.app.store.getLogin(loginId))?.keptTokens).toBeNull();
    } finally {
      await rig.close();
    }
  });
});

it("retries with a due access token refresh it once through the token endpoint, even concurrently", async () => {
  const rig = await startRig();
  try {
    const { loginId, loginSecret, callback } = await startLogin(rig.gateway);
    rig.sim.setFaults("503:1");
    const completionCode = completionCodeOf(await redirectOf(rig.gateway, callback.toString()));
    rig.sim.setFaults(null);
    rig.clock.advance(580_000); // the kept access token is due (570 s), the login still open (600 s)
    const retries = await Promise.all([1, 2, 3].map(() => tryAgain(rig.gateway, loginId, completionCode)));
    expect(retries.map((retry) => completion(retry.next!).status)).toEqual(["ok", "ok", "ok"]);
    expect(rig.sim.log.tokenCalls("authorization_code")).toBe(1);
    expect(rig.sim.log.tokenCalls("refresh_token")).toBe(1);
    expect(rig.sim.log.count({ kind: "token", status: 400 })).toBe(0);
    const redeemed = await redeem(rig.gateway, loginId, loginSecret, completionCode);
    expect(redeemed.status).toBe(200);
    expect(deadChains(rig.gateway.dataDir)).toBe(0);
  } finally {
    await rig.close();
  }
});

it("a retry after the login expired says so; the purge job removes the login with its kept tokens", async () => {
  const rig = await startRig();
  try {
    const { loginId, callback } = await startLogin(rig.gateway);
    rig.sim.setFaults("malformed:1");
    const completionCode = completionCodeOf(await redirectOf(rig.gateway, callback.toString()));
    rig.sim.setFaults(null);
    expect((await rig.gateway.app.store.getLogin(loginId))?.keptTokens).not.toBeNull();
    rig.clock.advance(601_000);
    const late = await tryAgain(rig.gateway, loginId, completionCode);
    expect(completion(late.next!)).toMatchObject({ status: "error", code: "login_expired" });
    expect(storedRows(rig.gateway.dataDir).logins).toBe(1);
    // The gateway's own purge (start-up and hourly) runs through this.
    await rig.gateway.app.store.purge({
      now: rig.clock.now(),
      sessionIdleBefore: 0,
      sessionCreatedBefore: 0,
    });
    expect(await rig.gateway.app.store.getLogin(loginId)).toBeNull();
    expect(rig.sim.log.tokenCalls("refresh_token")).toBe(0);
  } finally {
    await rig.close();
  }
});

it("the kept tokens never appear in logs, answers, URLs or the database file", async () => {
  const rig = await startRig({ LOG_LEVEL: "trace" });
  const { gateway, sim } = rig;
  try {
    const { loginId, loginSecret, callback } = await startLogin(gateway);
    sim.setFaults("503:1");
    const page = await redirectOf(rig.gateway, callback.toString());
    sim.setFaults(null);
    const kept = (await gateway.app.store.getLogin(loginId))?.keptTokens;
    expect(kept?.accessToken).toEqual(expect.any(String));
    const secrets = [kept!.accessToken, kept!.refreshToken];
    const files = fs
      .readdirSync(gateway.dataDir)
      .filter((name) => name.startsWith(DATABASE_FILE))
      .map((name) => fs.readFileSync(path.join(gateway.dataDir, name)).toString("latin1"));
    expect(files.length).toBeGreaterThan(0);

    const answers: string[] = [page.toString()];
    const early = await redeem(gateway, loginId, loginSecret, completionCodeOf(page));
    answers.push(early.text);
    const retried = await tryAgain(gateway, loginId, completionCodeOf(page));
    answers.push(retried.text);
    const redeemed = await redeem(gateway, loginId, loginSecret, completionCodeOf(retried.next!));
    answers.push(redeemed.text);
    const { sessionToken } = JSON.parse(redeemed.text) as { sessionToken: string };
    const session = await gateway.fetch(`${gateway.url}/auth/session`, {
      headers: { authorization: `Bearer ${sessionToken}` },
    });
    answers.push(JSON.stringify([...session.headers]), await session.text());

    const log = await rig.logs();
    expect(log).toContain("/identify");
    for (const secret of secrets) {
      expect(log).not.toContain(secret);
      for (const text of [...answers, ...files]) expect(text).not.toContain(secret);
    }
  } finally {
    await rig.close();
  }
});

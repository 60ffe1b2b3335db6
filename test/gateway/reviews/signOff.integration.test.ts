/**
 * Signing off an access review through the real gateway (inject) and simulator (HTTP), on SQLite and on
 * a real PostgreSQL: the reviewer comes from the session, the evidence is what was served, the hash is
 * SHA-256 over the canonical JSON chained per licence, every bad sign-off is refused with its own error,
 * and a review changed directly in the database is found by verify.
 */
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import canonicalize from "canonicalize";
import pg from "pg";
import type {
  AccessReviewResponse,
  ReviewList,
  ReviewRecord,
  ReviewVerification,
  SignOffRequest,
} from "../../../src/shared/api";
import { VirtualClock } from "../../../src/shared/clock";
import {
  defaultGrant,
  startSimulator,
  type RunningSimulator,
  type SimUserRole,
} from "../../../src/simulator";
import { DATABASE_FILE } from "../../../src/gateway/store/sqliteStore";
import { buildTestGateway, signInTestUser, type TestGateway } from "../../support/gateway";
import { callApi, records } from "../../support/api/callApi";
import { startPostgres, type TestPostgres } from "../../support/postgres";

const HOUR = 3_600_000;

describe.each(["sqlite", "postgres"] as const)("sign-off of an access review (%s)", (dialect) => {
  let clock: VirtualClock;
  let sim: RunningSimulator;
  let postgres: TestPostgres | null = null;
  let databaseUrl = "";
  let gateway: TestGateway;
  let token: string;
  let divisions: number[];

  beforeAll(async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true });
    const env: Record<string, string> = {};
    if (dialect === "postgres") {
      postgres = await startPostgres();
      databaseUrl = await postgres.createDatabase();
      env.EOL_DATABASE_URL = databaseUrl;
      env.EOL_SECRET_KEY = crypto.randomBytes(32).toString("hex");
    }
    gateway = await buildTestGateway(env, { clock, simulator: sim });
    token = (await signInTestUser(gateway)).sessionToken;
    const blocked = new Set(sim.data.divisions.filter((d) => d.blockingStatus !== 0).map((d) => d.code));
    divisions = defaultGrant(sim.data, sim.data.primaryUserId)
      .filter((code) => !blocked.has(code))
      .sort((a, b) => a - b)
      .slice(0, 4);
  }, 120_000);
  /** Role end dates this suite changed, put back so the shared data set stays as generated. */
  const restore: [SimUserRole, number | null][] = [];
  afterAll(async () => {
    sim?.changeData(() => restore.forEach(([role, endDate]) => (role.endDate = endDate)));
    await gateway?.close();
    await sim?.close();
    await postgres?.stop();
  });

  const review = () =>
    callApi<AccessReviewResponse>(gateway, token, `/api/v1/access-review?divisions=${divisions.join(",")}`);
  /** A table's rows as objects keyed by column name. */
  const rowsOf = (table: AccessReviewResponse["holders"]) =>
    records({ ...table, asOf: "", divisions: [], divisionSource: "all", cached: false });
  async function signOff(body: SignOffRequest, sessionToken = token) {
    const response = await gateway.fetch(`${gateway.url}/api/v1/reviews`, {
      method: "POST",
      headers: { authorization: `Bearer ${sessionToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as ReviewRecord & { error?: { code: string; message: string } },
    };
  }
  const verify = (id: string) => callApi<ReviewVerification>(gateway, token, `/api/v1/reviews/${id}/verify`);

  /** Runs a statement on the gateway's own database, behind its back. */
  async function tamper(statement: string, values: unknown[]): Promise<void> {
    if (dialect === "sqlite") {
      const db = new Database(path.join(gateway.dataDir, DATABASE_FILE));
      try {
        db.prepare(statement.replace(/\$\d/g, "?")).run(...values);
      } finally {
        db.close();
      }
      return;
    }
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(statement, values);
    } finally {
      await client.end();
    }
  }

  let first: ReviewRecord;
  let firstServed: AccessReviewResponse;

  it("records the served snapshot, the session's reviewer, the gateway's time and the decisions, with 0 Exact calls", async () => {
    const served = await review();
    expect(served.status).toBe(200);
    expect(served.body.snapshotId).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(served.body.lastSignOff).toBeNull();
    expect(served.body.sinceLastSignOff.rows).toEqual([]);
    expect(served.body.holders.rows.length).toBeGreaterThan(1);
    firstServed = served.body;

    const callsBefore = sim.log.count({ kind: "api" });
    const signed = await signOff({
      snapshotId: served.body.snapshotId,
      decisions: [
        { table: "holders", row: 1, decision: "Remove", comment: "  left the company  " },
        { table: "holders", row: 2, decision: "Keep" },
      ],
    });
    expect(sim.log.count({ kind: "api" })).toBe(callsBefore);
    expect(signed.status).toBe(201);
    first = signed.body;
    const primary = sim.data.users.find((user) => user.userId === sim.data.primaryUserId)!;
    expect(first.reviewer).toEqual({
      userId: primary.userId,
      fullName: primary.fullName,
      userName: primary.userName,
    });
    expect(first.signedAt).toBe(new Date(clock.now()).toISOString());
    expect(first.sequence).toBe(1);
    expect(first.previousHash).toBeNull();
    expect(first.licence).toBe(primary.license.toLowerCase());
    expect(first).toMatchObject({ holders: served.body.holders.rows.length, decisions: 2, removals: 1 });
    const evidence = first.evidence as Record<string, unknown> & { snapshot: { answer: unknown } };
    const { snapshotId: _id, snapshotExpiresAt: _expires, ...answer } = served.body;
    expect(evidence.snapshot.answer).toEqual(answer);
    expect(evidence.decisions).toEqual([
      { table: "holders", row: 1, decision: "Remove", comment: "left the company" },
      { table: "holders", row: 2, decision: "Keep", comment: null },
    ]);
    // The documented procedure: SHA-256 over the canonical JSON (RFC 8785) of `evidence`.
    const rehashed = crypto.createHash("sha256").update(canonicalize(first.evidence)!, "utf8").digest("hex");
    expect(first.hash).toBe(rehashed);
  });

  it("re-hashes with the documented shell procedure: jq -jcS .evidence | sha256sum", async () => {
    const record = await gateway.fetch(`${gateway.url}/api/v1/reviews/${first.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (spawnSync("jq", ["--version"]).error) {
      throw new Error(
        "This check runs the auditors' procedure: install jq (Debian/Ubuntu apt-get install jq, macOS brew install jq).",
      );
    }
    const canonical = execFileSync("jq", ["-jcS", ".evidence"], { input: await record.text() });
    const [digest] = execFileSync("sha256sum", { input: canonical }).toString().split(" ");
    expect(digest).toBe(first.hash);
  });

  it("refuses the same snapshot twice, an unknown one, rows not in the snapshot and an expired one", async () => {
    const again = await signOff({ snapshotId: firstServed.snapshotId, decisions: [] });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("snapshot_signed_off");

    const unknown = await signOff({ snapshotId: "no-such-snapshot", decisions: [] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe("snapshot_not_found");

    const served = await review();
    const rows = served.body.holders.rows.length;
    const beyond = await signOff({
      snapshotId: served.body.snapshotId,
      decisions: [{ table: "holders", row: rows + 1, decision: "Keep" }],
    });
    expect(beyond.status).toBe(400);
    expect(beyond.body.error?.message).toBe(
      `decisions[0] names holders row ${rows + 1}, but the snapshot's holders table has ${rows} rows.`,
    );
    const twice = await signOff({
      snapshotId: served.body.snapshotId,
      decisions: [
        { table: "holders", row: 1, decision: "Keep" },
        { table: "holders", row: 1, decision: "Remove" },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error?.message).toBe("decisions[1] decides holders row 1 a second time.");
    const badTable = await gateway.fetch(`${gateway.url}/api/v1/reviews`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        snapshotId: served.body.snapshotId,
        decisions: [{ table: "catalogue", row: 1, decision: "Keep" }],
      }),
    });
    expect(badTable.status).toBe(400);

    clock.advance(24 * HOUR + 1);
    const expired = await signOff({ snapshotId: served.body.snapshotId, decisions: [] });
    expect(expired.status).toBe(410);
    expect(expired.body.error?.code).toBe("snapshot_expired");
  });

  it("refuses a snapshot served to another Exact user", async () => {
    const primary = sim.data.users.find((user) => user.userId === sim.data.primaryUserId)!;
    const other = sim.data.users.find(
      (user) =>
        user.userId !== primary.userId &&
        user.license === primary.license &&
        defaultGrant(sim.data, user.userId).length > 0,
    )!;
    const otherToken = (await signInTestUser(gateway, { userId: other.userId })).sessionToken;
    sim.setAutoApprove({ userId: primary.userId });
    const served = await review();
    const refused = await signOff({ snapshotId: served.body.snapshotId, decisions: [] }, otherToken);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe("snapshot_not_yours");
  });

  let second: ReviewRecord;

  it("chains the next review to the last and shows what changed since, with Remove decisions not carried out", async () => {
    // The first review's row 1 holder was marked Remove; end one of their roles only when they hold several.
    const served = await review();
    expect(served.body.lastSignOff).toEqual({
      id: first.id,
      signedAt: first.signedAt,
      reviewer: first.reviewer.fullName,
      hash: first.hash,
    });
    const removed = rowsOf(firstServed.holders)[0];
    const notCarriedOut = rowsOf(served.body.sinceLastSignOff).filter(
      (row) => row.Change === "Decision not carried out",
    );
    expect(notCarriedOut).toEqual([
      expect.objectContaining({
        "User ID": removed["User ID"],
        "Decided by": first.reviewer.fullName,
        "Decided at": first.signedAt,
        Comment: "left the company",
      }),
    ]);

    // Carry the decision out in "Exact": end every role of that user in the reviewed divisions.
    const yesterday = clock.now() - 24 * HOUR;
    sim.changeData((data) => {
      for (const role of data.roles) {
        if (role.userId !== removed["User ID"] || !divisions.includes(role.division)) continue;
        restore.push([role, role.endDate]);
        role.endDate = yesterday;
      }
    });
    expect((await callApi(gateway, token, "/api/v1/cache", { method: "DELETE" })).status).toBe(204);
    const after = await review();
    const changes = rowsOf(after.body.sinceLastSignOff);
    expect(changes.filter((row) => row.Change === "Decision not carried out")).toEqual([]);
    const gone = changes.filter((row) => row.Change === "Holder gone").map((row) => row["User ID"]);
    expect(gone).toContain(removed["User ID"]);

    const signed = await signOff({
      snapshotId: after.body.snapshotId,
      decisions: [{ table: "holders", row: 1, decision: "Keep" }],
    });
    expect(signed.status).toBe(201);
    second = signed.body;
    expect(second.sequence).toBe(2);
    expect(second.previousHash).toBe(first.hash);

    const list = await callApi<ReviewList>(gateway, token, "/api/v1/reviews");
    expect(list.status).toBe(200);
    expect(list.body.reviews.map((item) => item.id)).toEqual([second.id, first.id]);
    const fetched = await callApi<ReviewRecord>(gateway, token, `/api/v1/reviews/${first.id}`);
    expect(fetched.body).toEqual(first);
    expect((await verify(second.id)).body).toEqual({
      id: second.id,
      intact: true,
      checked: 2,
      brokenAt: null,
    });
  });

  it("finds a review changed directly in the database, even with its own hash recomputed", async () => {
    await tamper(
      `UPDATE reviews SET evidence_json = replace(evidence_json, '"decision":"Keep"', '"decision":"Remove"') WHERE id = $1`,
      [first.id],
    );
    expect((await verify(second.id)).body).toEqual({
      id: second.id,
      intact: false,
      checked: 1,
      brokenAt: { id: first.id, sequence: 1, reason: "its evidence does not match its hash" },
    });
    const log = await callApi(gateway, token, "/api/v1/review-log");
    expect(log.body.error).toBeUndefined();
    expect(records(log.body).map((row) => row.Verified)).toEqual([
      "Broken at review 1: its evidence does not match its hash",
      "Broken at review 1: its evidence does not match its hash",
    ]);
    // Recomputing the changed review's hash moves the break to the next review's link.
    const changed = JSON.parse(
      JSON.stringify(first.evidence).replace('"decision":"Keep"', '"decision":"Remove"'),
    );
    const forged = crypto.createHash("sha256").update(canonicalize(changed)!, "utf8").digest("hex");
    await tamper(`UPDATE reviews SET hash = $1 WHERE id = $2`, [forged, first.id]);
    expect((await verify(first.id)).body.intact).toBe(true);
    expect((await verify(second.id)).body).toEqual({
      id: second.id,
      intact: false,
      checked: 2,
      brokenAt: { id: second.id, sequence: 2, reason: `it does not link to the hash of review ${first.id}` },
    });
  });

  it("answers 404 for a review id it does not know", async () => {
    const missing = await callApi(gateway, token, "/api/v1/reviews/unknown-review");
    expect(missing.status).toBe(404);
    expect((await verify("unknown-review")).status).toBe(404);
  });
});

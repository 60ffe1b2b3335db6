/**
 * The error allowance through the real gateway against the simulator (error block on): a user's own
 * QUERY mistakes use only part of an endpoint's allowance, so the built-in functions keep working; a
 * ceiling per user and division bounds upstream 4xx across all endpoints, unknown resources included;
 * and with EOL_EXACT_ERROR_COUNTING=division that ceiling is as strict as one endpoint's limit.
 */
import { PassThrough } from "node:stream";
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator, type RunningSimulator } from "../../../src/simulator";
import { DEFAULT_ERROR_LIMIT, QUERY_SHARE } from "../../../src/gateway/exact/errorBudget";
import { DEFAULT_SHARING } from "../../../src/gateway/config/sharing";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { callApi } from "../../support/api/callApi";

const enc = encodeURIComponent;
const queryShare = (limit: number) => Math.floor(limit * QUERY_SHARE);
/** "Ba", "Ca", …: resource names may hold letters only. */
const letters = (i: number) =>
  String.fromCharCode(65 + (i % 26)) + String.fromCharCode(97 + Math.floor(i / 26));

interface Rig {
  sim: RunningSimulator;
  gateway: TestGateway;
  sessionToken: string;
  division: number;
  /** The gateway's log lines so far (JSON, warn and above). */
  logs(): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

async function rig(env: Record<string, string> = {}): Promise<Rig> {
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true, errorBlock: true });
  const logStream = new PassThrough();
  const lines: string[] = [];
  logStream.on("data", (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  const gateway = await buildTestGateway({ LOG_LEVEL: "warn", ...env }, { clock, simulator: sim, logStream });
  const { sessionToken, session } = await signInTestUser(gateway);
  const logs = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  };
  const close = async () => {
    await gateway.close();
    await sim.close();
  };
  return { sim, gateway, sessionToken, division: session.currentDivision!, logs, close };
}

const upstream4xx = (sim: RunningSimulator) =>
  sim.log.filter({ kind: "api" }).filter((entry) => entry.status >= 400 && entry.status < 500);

describe("a user's bad QUERYs never cost the built-in functions", () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig();
  });
  afterAll(() => r.close());

  it("five bad QUERYs on system/Divisions: DIVISIONS, ROLEHOLDERS and explicit divisions still answer", async () => {
    r.sim.log.reset();
    const bad = [];
    for (let i = 0; i < 5; i += 1) {
      const path = `/api/v1/query?resource=system/Divisions&select=NoSuchField${i}&division=${r.division}`;
      bad.push(await callApi(r.gateway, r.sessionToken, path));
    }
    const allowed = queryShare(DEFAULT_ERROR_LIMIT); // 3 of the endpoint's 5
    expect(bad.slice(0, allowed).map((answer) => answer.body.error?.code)).toEqual(
      Array(allowed).fill("exact_error"),
    );
    for (const refused of bad.slice(allowed)) {
      expect(refused.status).toBe(429);
      expect(refused.body.error?.code).toBe("error_limit_reached");
      expect(refused.body.error?.message).toMatch(/QUERYs to system\/Divisions in division \d+ failed/);
    }
    expect(upstream4xx(r.sim)).toHaveLength(allowed);
    // Operators see what refused (at warn level), without the session or token.
    const refusals = (await r.logs()).filter(
      (line) => line.msg === "error limit refused a call to Exact Online",
    );
    expect(refusals).toHaveLength(bad.length - allowed);
    expect(refusals[0]).toMatchObject({
      level: 40,
      endpoint: "system/Divisions",
      division: r.division,
      origin: "query",
    });
    expect(JSON.stringify(refusals)).not.toContain(r.sessionToken);

    const divisions = await callApi(r.gateway, r.sessionToken, "/api/v1/divisions", { noCache: true });
    expect(divisions.status).toBe(200);
    expect(divisions.body.rows.length).toBeGreaterThan(1);
    const holders = await callApi(r.gateway, r.sessionToken, "/api/v1/role-holders?roles=274&divisions=all", {
      noCache: true,
    });
    expect(holders.status).toBe(200);
    const listed = new Set(divisions.body.rows.map((row) => row[0]));
    const codes = r.sim.data.divisions
      .filter((division) => division.blockingStatus === 0 && listed.has(division.code))
      .map((division) => division.code)
      .slice(0, 13);
    expect(codes.length).toBeGreaterThan(1);
    const explicit = await callApi(
      r.gateway,
      r.sessionToken,
      `/api/v1/user-roles?divisions=${codes.join(",")}`,
    );
    expect(explicit.body.error?.message).toBeUndefined();
    expect(explicit.status).toBe(200);
  });
});

describe("a ceiling per user and division across all endpoints (bounded memory)", () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig();
  });
  afterAll(() => r.close());

  it("60 different unknown resources: QUERY stops at its part of the division's ceiling; USERS still answers", async () => {
    r.sim.log.reset();
    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1) {
      const path = `/api/v1/query?resource=${enc(`nosuch/Thing${letters(i)}`)}&select=ID&division=${r.division}`;
      const answer = await callApi(r.gateway, r.sessionToken, path);
      statuses.push(answer.status);
      if (answer.status === 429) {
        expect(answer.body.error?.message).toMatch(new RegExp(`QUERYs to division ${r.division} failed`));
      }
    }
    const allowed = queryShare(DEFAULT_SHARING.divisionErrorLimit); // 12 of the division's 20
    expect(upstream4xx(r.sim)).toHaveLength(allowed);
    expect(statuses.filter((status) => status === 429)).toHaveLength(60 - allowed);
    const users = await callApi(r.gateway, r.sessionToken, `/api/v1/users?division=${r.division}`);
    expect(users.status).toBe(200);
  });
});

describe("EOL_EXACT_ERROR_COUNTING=division (should Exact count all endpoints of a division together)", () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig({ EOL_EXACT_ERROR_COUNTING: "division" });
  });
  afterAll(() => r.close());

  it("errors on different endpoints share one count: at most the endpoint limit reaches Exact", async () => {
    r.sim.log.reset();
    const resources = [
      "crm/Accounts",
      "users/Users",
      "crm/Contacts",
      "financial/GLAccounts",
      "project/Projects",
    ];
    for (let i = 0; i < 10; i += 1) {
      const resource = resources[i % resources.length];
      await callApi(
        r.gateway,
        r.sessionToken,
        `/api/v1/query?resource=${resource}&select=Bad${i}&division=${r.division}`,
      );
    }
    // QUERY's part of a division limit capped at 5 (Exact blocks at 10 per division, if it counts so).
    expect(upstream4xx(r.sim)).toHaveLength(queryShare(DEFAULT_ERROR_LIMIT));
    expect(r.sim.log.tooManyRequests()).toBe(0);
  });
});

/**
 * GET /api/v1/progress/:requestId (through inject) while a slow fan-out runs: the simulator (over HTTP)
 * answers every call after 25 ms and the gateway calls Exact 4 at a time, so 200 divisions take over a
 * second.
 */
import crypto from "node:crypto";
import { REQUEST_ID_HEADER } from "../../../src/shared/api";
import { defaultGrant, startSimulator, type RunningSimulator } from "../../../src/simulator";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { expectSteadyProgress, pollProgress, runWithProgress } from "../../support/api/progress";

let sim: RunningSimulator;
let gateway: TestGateway;
let token: string;
let chosen: number[];
/** Divisions the role-holders fan-out did not read: role listings are shared, so those would be cached. */
let reviewed: number[];

beforeAll(async () => {
  // The real clock: the 25 ms must pass in real time for the polls to see the fan-out under way (on a
  // virtual clock it passes as fast as the simulator answers).
  sim = await startSimulator({ dataset: "accountant-large", seed: 1, autoApprove: true });
  gateway = await buildTestGateway({ EOL_EXACT_CONCURRENCY: "4" }, { simulator: sim });
  token = (await signInTestUser(gateway)).sessionToken;
  const blocked = new Set(sim.data.divisions.filter((d) => d.blockingStatus !== 0).map((d) => d.code));
  const readable = defaultGrant(sim.data, sim.data.primaryUserId)
    .filter((code) => !blocked.has(code))
    .sort((a, b) => a - b);
  chosen = readable.slice(0, 200);
  reviewed = readable.slice(200, 300);
  sim.setLatency(25);
}, 60_000);
afterAll(async () => {
  await gateway?.close();
  await sim?.close();
});

test("a poll sees the done count of a role-holders fan-out grow to its total, and the end after the answer", async () => {
  const run = await runWithProgress(
    gateway,
    gateway,
    token,
    `/api/v1/role-holders?roles=274&divisions=${chosen.join(",")}`,
  );
  expect(run.status).toBe(200);
  expectSteadyProgress(run, "role-holders", chosen.length);
}, 60_000);

test("the access review reports its progress too; another session of the same user cannot see it", async () => {
  const other = (await signInTestUser(gateway)).sessionToken;
  const run = await runWithProgress(
    gateway,
    gateway,
    token,
    `/api/v1/access-review?divisions=${reviewed.join(",")}`,
  );
  expect(run.status).toBe(200);
  expectSteadyProgress(run, "access-review", 100);
  const foreign = await pollProgress(gateway, other, run.requestId);
  expect(foreign.status).toBe(404);
  expect(foreign.body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
}, 60_000);

test("unknown, malformed and small-scope request ids", async () => {
  const unknown = await pollProgress(gateway, token, crypto.randomUUID());
  expect(unknown.status).toBe(404);
  expect(unknown.body).toEqual({
    error: { code: "not_found", message: "No request in progress with this ID for this session." },
  });
  const malformed = await pollProgress(gateway, token, "x");
  expect(malformed.status).toBe(400);
  expect(malformed.body).toMatchObject({ error: { code: "invalid_request", message: /requestId/ } });
  // A fan-out over fewer than 20 divisions is quick: nothing is recorded.
  const small = await runWithProgress(
    gateway,
    gateway,
    token,
    `/api/v1/role-holders?roles=274&divisions=${chosen.slice(0, 5).join(",")}`,
  );
  expect(small.status).toBe(200);
  expect(small.seen).toEqual([]);
  expect(small.after.status).toBe(404);
  // A table request with a malformed id is refused, naming the header.
  const refused = await gateway.fetch(`${gateway.url}/api/v1/role-holders?roles=274`, {
    headers: { authorization: `Bearer ${token}`, [REQUEST_ID_HEADER]: "no spaces allowed" },
  });
  expect(refused.status).toBe(400);
  expect(await refused.json()).toMatchObject({
    error: { code: "invalid_request", message: /^X-EOL-Request-Id must be/ },
  });
});

test("polls need a session", async () => {
  const response = await gateway.fetch(`${gateway.url}/api/v1/progress/${crypto.randomUUID()}`);
  expect(response.status).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: "not_signed_in" } });
});

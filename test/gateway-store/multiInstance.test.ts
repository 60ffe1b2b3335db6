/**
 * Three gateway instances on one real PostgreSQL, against one simulator on a shared VirtualClock, with
 * requests dealt round-robin as a load balancer would: one token chain shared by all of them.
 */
import crypto from "node:crypto";
import { VirtualClock } from "../../src/shared/clock";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { signInTestUser, startTestGateway, type TestGateway } from "../support/gateway";
import { startPostgres, type TestPostgres } from "../support/postgres";

let postgres: TestPostgres;
let clock: VirtualClock;
let sim: RunningSimulator;
let instances: TestGateway[];

beforeAll(async () => {
  postgres = await startPostgres();
}, 90_000);
afterAll(() => postgres?.stop());

beforeEach(async () => {
  clock = new VirtualClock();
  sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1 });
  const env = {
    EOL_DATABASE_URL: await postgres.createDatabase(),
    EOL_SECRET_KEY: crypto.randomBytes(32).toString("hex"),
    EOL_EXACT_BASE_URL: sim.url,
  };
  instances = [];
  for (let i = 0; i < 3; i += 1) instances.push(await startTestGateway(env, { clock, simulator: sim }));
});
afterEach(async () => {
  await Promise.all(instances.map((instance) => instance.close()));
  await sim.close();
});

const getSession = (instance: TestGateway, token: string) =>
  fetch(`${instance.url}/auth/session`, { headers: { authorization: `Bearer ${token}` } });
const roundRobin = (index: number): TestGateway => instances[index % instances.length];

test("a session made on one instance works on every instance; signing out on one ends it on all", async () => {
  const { sessionToken } = await signInTestUser(instances[1]);
  for (const instance of instances) expect((await getSession(instance, sessionToken)).status).toBe(200);
  await fetch(`${instances[2].url}/auth/session`, {
    method: "DELETE",
    headers: { authorization: `Bearer ${sessionToken}` },
  });
  for (const instance of instances) expect((await getSession(instance, sessionToken)).status).toBe(401);
});

test("50 concurrent calls at 590 s spread over three instances cause exactly one upstream refresh", async () => {
  const { sessionToken } = await signInTestUser(instances[0]);
  const refreshesBefore = sim.log.tokenCalls("refresh_token");
  clock.advance(590_000);
  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, index) => getSession(roundRobin(index), sessionToken)),
  );
  expect(responses.map((res) => res.status)).toEqual(Array(50).fill(200));
  expect(sim.log.tokenCalls("refresh_token") - refreshesBefore).toBe(1);
  expect(sim.log.count({ kind: "token", status: 400 })).toBe(0);
});

test("two sessions of one user on different instances over 2 simulated hours: 0 invalid_grant, 0 early refreshes", async () => {
  const a = await signInTestUser(instances[0]);
  const b = await signInTestUser(instances[1]);
  expect(b.session.user.id).toBe(a.session.user.id);
  const start = clock.now();
  let round = 0;
  while (clock.now() - start < 2 * 3600_000) {
    clock.advance(15_000);
    round += 1;
    const [ra, rb] = await Promise.all([
      getSession(roundRobin(round), a.sessionToken),
      getSession(roundRobin(round + 1), b.sessionToken),
    ]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
  }
  // Exact answers an early refresh with 400 and an obsolete refresh token with 400 invalid_grant.
  expect(sim.log.count({ kind: "token", status: 400 })).toBe(0);
  expect(sim.log.count({ kind: "token", status: 401 })).toBe(0);
  // One refresh per 10-minute window of the one shared chain: 12 in two hours, never more.
  const refreshes = sim.log.tokenCalls("refresh_token");
  expect(refreshes).toBeGreaterThanOrEqual(11);
  expect(refreshes).toBeLessThanOrEqual(12);
}, 120_000);

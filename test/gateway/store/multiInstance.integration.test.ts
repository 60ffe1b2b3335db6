/**
 * Three gateway instances on one real PostgreSQL, against one simulator on a shared VirtualClock, with
 * requests dealt round-robin as a load balancer would: one token chain shared by all of them. Each
 * instance is reached through inject; like instances behind a load balancer they share one public URL.
 */
import crypto from "node:crypto";
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator, type RunningSimulator } from "../../../src/simulator";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { startPostgres, type TestPostgres } from "../../support/postgres";
import { callApi } from "../../support/api/callApi";

let postgres: TestPostgres;
let clock: VirtualClock;
let sim: RunningSimulator;
let instances: TestGateway[];
const WIDE_CONCURRENCY = "30";

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
    // Wide enough that three instances' first calls together (90) exceed a minute's 60 before any
    // rate-limit header has come back: only a shared budget keeps them clear of 429s.
    EOL_EXACT_CONCURRENCY: WIDE_CONCURRENCY,
  };
  instances = [];
  for (let i = 0; i < 3; i += 1) instances.push(await buildTestGateway(env, { clock, simulator: sim }));
});
afterEach(async () => {
  await Promise.all(instances.map((instance) => instance.close()));
  await sim.close();
});

const getSession = (instance: TestGateway, token: string) =>
  instance.fetch(`${instance.url}/auth/session`, { headers: { authorization: `Bearer ${token}` } });
const roundRobin = (index: number): TestGateway => instances[index % instances.length];

test("a session made on one instance works on every instance; signing out on one ends it on all", async () => {
  const { sessionToken } = await signInTestUser(instances[1]);
  for (const instance of instances) expect((await getSession(instance, sessionToken)).status).toBe(200);
  await instances[2].fetch(`${instances[2].url}/auth/session`, {
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

/** 150 distinct calls to one division (no answer can serve another), dealt round-robin over `gateways`. */
async function hammerOneDivision(
  gateways: TestGateway[],
  tokens: string[],
  division: number,
): Promise<number[]> {
  const answers = await Promise.all(
    Array.from({ length: 150 }, (_, index) =>
      callApi(
        gateways[index % gateways.length],
        tokens[index % tokens.length],
        `/api/v1/query?resource=users/Users&select=UserID&top=${index + 1}&division=${division}`,
      ),
    ),
  );
  return answers.map((answer) => answer.status);
}

test("150 calls to one division spread over three instances: one shared budget, 0 upstream 429s", async () => {
  const { sessionToken, session } = await signInTestUser(instances[0]);
  const division = session.currentDivision!;
  sim.log.reset();
  const started = clock.now();
  const statuses = await hammerOneDivision(instances, [sessionToken], division);
  expect(statuses).toEqual(Array(150).fill(200));
  expect(sim.log.count({ kind: "api", division })).toBeGreaterThanOrEqual(150);
  expect(sim.log.tooManyRequests()).toBe(0);
  expect(clock.now() - started).toBeGreaterThanOrEqual(120_000); // waited for resets instead of 429s
}, 120_000);

test("control: three gateways that each keep their budget in memory draw upstream 429s on the same load", async () => {
  // Separate SQLite gateways (one data directory each): the in-memory budget alone, per process. Each
  // signs in its own user of the division (a second sign-in of one user would end the first one's tokens).
  const division = sim.data.divisions[0].code;
  const users = sim.data.users.filter((user) => user.divisions.includes(division) && user.endDate === null);
  expect(users.length).toBeGreaterThanOrEqual(3);
  const alone: TestGateway[] = [];
  const tokens: string[] = [];
  try {
    for (const user of users.slice(0, 3)) {
      const gateway = await buildTestGateway(
        { EOL_EXACT_BASE_URL: sim.url, EOL_EXACT_CONCURRENCY: WIDE_CONCURRENCY },
        { clock, simulator: sim },
      );
      alone.push(gateway);
      tokens.push((await signInTestUser(gateway, { userId: user.userId })).sessionToken);
    }
    sim.log.reset();
    await hammerOneDivision(alone, tokens, division);
    expect(sim.log.count({ kind: "api", status: 401 })).toBe(0); // every gateway really called Exact
    expect(sim.log.tooManyRequests()).toBeGreaterThan(0);
  } finally {
    await Promise.all(alone.map((gateway) => gateway.close()));
  }
}, 120_000);

test("the same table asked through all three instances within the TTL costs one set of upstream calls; Clear cache clears it for all", async () => {
  const { sessionToken, session } = await signInTestUser(instances[0]);
  const path = `/api/v1/users?division=${session.currentDivision!}`;
  const usersCalls = () => sim.log.count({ kind: "api", endpoint: "users/Users" });
  // One instance alone, asked afresh: the upstream calls one answer costs.
  const solo = await callApi(instances[0], sessionToken, path, { noCache: true });
  expect(solo.status).toBe(200);
  const oneSet = usersCalls();
  expect(oneSet).toBeGreaterThan(0);
  await callApi(instances[1], sessionToken, "/api/v1/cache", { method: "DELETE" });

  const asked = await Promise.all(instances.map((instance) => callApi(instance, sessionToken, path)));
  expect(asked.map((answer) => answer.status)).toEqual([200, 200, 200]);
  for (const answer of asked) expect(answer.body.rows).toEqual(solo.body.rows);
  expect(usersCalls()).toBe(2 * oneSet); // the three concurrent askers shared one fetch
  clock.advance(60_000);
  await Promise.all(instances.map((instance) => callApi(instance, sessionToken, path)));
  expect(usersCalls()).toBe(2 * oneSet); // and later ones within the TTL are served from the shared cache

  // Clear cache on one instance empties it for every instance.
  const cleared = await callApi(instances[2], sessionToken, "/api/v1/cache", { method: "DELETE" });
  expect(cleared.status).toBe(204);
  expect((await callApi(instances[0], sessionToken, path)).status).toBe(200);
  expect(usersCalls()).toBe(3 * oneSet);
});
